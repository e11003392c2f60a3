package io.ainstruct.adapter.rest.error;

import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.RateLimited;
import io.ainstruct.domain.error.TooLarge;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.error.Unavailable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Set;

/** The one place where a domain failure becomes an HTTP status and the error envelope. */
@Produces
@Singleton
class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<ErrorEnvelope>> {
    // The Python service answers these with 400, and its clients rely on it.
    private static final Set<ErrorCode> LEGACY_BAD_REQUEST = Set.of(ErrorCode.USERNAME_EXISTS, ErrorCode.EMAIL_EXISTS,
            ErrorCode.CANNOT_DELETE_SELF, ErrorCode.CANNOT_DEACTIVATE_SELF, ErrorCode.COLLECTION_HAS_ACTIVE_CATS);

    /** Input that is not a value of the right kind at all, rather than a value breaking a rule. */
    private static final Set<ErrorCode> BAD_REQUEST_INPUT = Set.of(ErrorCode.INVALID_ID, ErrorCode.UNKNOWN_SEARCH_MODE);

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, DomainException exception) {
        MutableHttpResponse<ErrorEnvelope> response = HttpResponse
                .<ErrorEnvelope>status(status(exception))
                .body(ErrorEnvelope.of(exception.code().name(), exception.getMessage(), exception.details()));
        if (exception instanceof Unauthenticated) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (exception instanceof RateLimited limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
        }
        if (exception instanceof Unavailable) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response;
    }

    static HttpStatus status(DomainException exception) {
        if (LEGACY_BAD_REQUEST.contains(exception.code())) {
            return HttpStatus.BAD_REQUEST;
        }
        if (exception instanceof InvalidInput) {
            return BAD_REQUEST_INPUT.contains(exception.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (exception instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (exception instanceof Forbidden) {
            return HttpStatus.FORBIDDEN;
        }
        if (exception instanceof Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (exception instanceof Unauthenticated) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (exception instanceof RateLimited) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (exception instanceof TooLarge) {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
