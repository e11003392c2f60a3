package io.ainstruct.adapter.rest.auth;

/** The token of an {@code Authorization: Bearer} header, or null when the request carries none. */
public record BearerToken(String value) {
}
