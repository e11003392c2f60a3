package io.ainstruct.adapter.rest.error;

import io.ainstruct.domain.error.ErrorCode;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the errors Micronaut raises itself (unknown route, malformed JSON, wrong id format, oversized body, ...) the
 * same envelope as the domain's, and never lets a stack trace or an internal message out.
 */
@Singleton
class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ErrorEnvelope> {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorResponseProcessor.class);
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]*)\\]");

    @Override
    public MutableHttpResponse<ErrorEnvelope> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        ErrorEnvelope envelope = envelope(status, context);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(null);
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(envelope);
    }

    private static ErrorEnvelope envelope(HttpStatus status, ErrorContext context) {
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(cause -> LOG.error("Unhandled error on {} {}",
                    context.getRequest().getMethod(), context.getRequest().getPath(), cause));
            return ErrorEnvelope.of(ErrorCode.INTERNAL_ERROR.name(), "An unexpected error occurred", Map.of());
        }
        return switch (status) {
            case BAD_REQUEST -> badRequest(context);
            case UNAUTHORIZED -> ErrorEnvelope.of(ErrorCode.NOT_AUTHENTICATED.name(), "Authentication required", Map.of());
            case FORBIDDEN -> ErrorEnvelope.of(ErrorCode.FORBIDDEN.name(), "Forbidden", Map.of());
            case NOT_FOUND -> ErrorEnvelope.of(ErrorCode.NOT_FOUND.name(), "No such resource: " + context.getRequest().getPath(), Map.of());
            case METHOD_NOT_ALLOWED -> ErrorEnvelope.of(ErrorCode.METHOD_NOT_ALLOWED.name(),
                    context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath(), Map.of());
            case REQUEST_ENTITY_TOO_LARGE -> ErrorEnvelope.of(ErrorCode.REQUEST_TOO_LARGE.name(), "The request body is too large", Map.of());
            case UNSUPPORTED_MEDIA_TYPE -> ErrorEnvelope.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE.name(), "Send JSON with Content-Type: application/json", Map.of());
            default -> ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR.name(), firstMessage(context), Map.of());
        };
    }

    private static ErrorEnvelope badRequest(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConversionErrorException conversion
                && conversion.getArgument().getType() == UUID.class) {
            return ErrorEnvelope.of(ErrorCode.INVALID_ID.name(),
                    conversion.getArgument().getName() + ": is not a valid UUID", Map.of("field", conversion.getArgument().getName()));
        }
        String message = firstMessage(context);
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR.name(), "Unknown field '" + unknown.group(1) + "'",
                    Map.of("field", unknown.group(1)));
        }
        return ErrorEnvelope.of(ErrorCode.MALFORMED_REQUEST.name(), message, Map.of());
    }

    private static String firstMessage(ErrorContext context) {
        String message = context.getErrors().isEmpty() ? "Bad request" : context.getErrors().get(0).getMessage();
        // Framework messages can name internal classes; keep the part that speaks to the client.
        int internal = message.indexOf(" of type: ");
        return internal > 0 ? message.substring(0, internal) : message;
    }
}
