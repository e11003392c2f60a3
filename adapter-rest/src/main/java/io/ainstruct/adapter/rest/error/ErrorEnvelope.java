package io.ainstruct.adapter.rest.error;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The contract's single error shape, {@code {"detail": {"code", "message", "details"}}}: the body the Python service's
 * HTTPExceptions give, so its clients read our errors where they read its own.
 */
@Serdeable
public record ErrorEnvelope(Body detail) {

    @Serdeable
    public record Body(String code, String message, Map<String, Object> details) {
    }

    public static ErrorEnvelope of(String code, String message, Map<String, Object> details) {
        return new ErrorEnvelope(new Body(code, message, details));
    }
}
