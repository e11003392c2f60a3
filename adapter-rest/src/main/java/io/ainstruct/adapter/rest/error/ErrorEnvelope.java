package io.ainstruct.adapter.rest.error;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The contract's single error shape: {@code {"error": {"code", "message", "details"}}}. */
@Serdeable
public record ErrorEnvelope(Body error) {

    @Serdeable
    public record Body(String code, String message, Map<String, Object> details) {
    }

    public static ErrorEnvelope of(String code, String message, Map<String, Object> details) {
        return new ErrorEnvelope(new Body(code, message, details));
    }
}
