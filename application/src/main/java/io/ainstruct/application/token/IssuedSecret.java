package io.ainstruct.application.token;

/** A token together with its secret: returned once, at creation or rotation, and never again. */
public record IssuedSecret<T>(T token, String secret) {
}
