package io.ainstruct.adapter.rest;

import io.micronaut.serde.annotation.Serdeable;

/** A plain confirmation, {@code {"message": ...}}: what the Python service answers to a logout or a delete. */
@Serdeable
public record MessageView(String message) {
}
