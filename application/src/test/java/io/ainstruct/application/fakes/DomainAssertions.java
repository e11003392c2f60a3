package io.ainstruct.application.fakes;

import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the refusals the use cases answer with. */
public final class DomainAssertions {
    private DomainAssertions() {
    }

    public static void assertRefused(ThrowingCallable call, Class<? extends DomainException> type, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(type)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }

    /** A validation error that names {@code field}. */
    public static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo(field);
    }
}
