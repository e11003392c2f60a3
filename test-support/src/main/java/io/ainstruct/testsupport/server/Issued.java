package io.ainstruct.testsupport.server;

/** A token as its creation hands it out: the id it is managed by and the secret, shown this once. */
public record Issued(String id, String secret) {
}
