package io.ainstruct.domain.field;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TextLimitTest {

    static Stream<Arguments> theProductsLimits() {
        return Stream.of(
                arguments(FieldLimits.USERNAME, "username", 3, 100),
                arguments(FieldLimits.EMAIL, "email", 3, 320),
                arguments(FieldLimits.PASSWORD, "password", 8, 128),
                arguments(FieldLimits.COLLECTION_NAME, "name", 1, 100),
                arguments(FieldLimits.DOCUMENT_TITLE, "title", 1, 500),
                arguments(FieldLimits.TOKEN_LABEL, "label", 1, 100),
                arguments(FieldLimits.SEARCH_QUERY, "query", 1, 2000),
                arguments(FieldLimits.USER_QUERY, "query", 1, 320));
    }

    @ParameterizedTest
    @MethodSource("theProductsLimits")
    void eachLimitTakesItsBoundsAndRefusesOneCharacterBeyondEither(TextLimit limit, String field, int min, int max) {
        assertThat(limit.field()).isEqualTo(field);
        assertThat(limit.require("x".repeat(min))).hasSize(min);
        assertThat(limit.require("x".repeat(max))).hasSize(max);
        assertRefused(() -> limit.require("x".repeat(max + 1)), field, "must be between " + min + " and " + max + " characters");
        if (min > 0) {
            assertRefused(() -> limit.require("x".repeat(min - 1)), field, min == 1 ? "must not be blank"
                    : "must be between " + min + " and " + max + " characters");
        }
    }

    @Test
    void aMissingValueIsRequiredAndABlankOneIsNamedAsBlank() {
        assertRefused(() -> FieldLimits.TOKEN_LABEL.require(null), "label", "is required");
        assertRefused(() -> FieldLimits.TOKEN_LABEL.require("   "), "label", "must not be blank");
    }

    /** Counted as PostgreSQL's char_length counts: an emoji is one character, though Java stores it as two chars. */
    @Test
    void lengthIsCountedInCodePoints() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);
        assertThat(hundredEmoji).hasSize(200);
        assertThat(TextLimit.length(hundredEmoji)).isEqualTo(100);
        assertThat(FieldLimits.USERNAME.fits(hundredEmoji)).isTrue();
        assertThat(FieldLimits.USERNAME.fits(hundredEmoji + "a")).isFalse();
    }

    @Test
    void fitsLooksAtTheLengthOnly() {
        assertThat(FieldLimits.USERNAME.fits("   ")).isTrue();
        assertThat(FieldLimits.USERNAME.fits("ab")).isFalse();
        assertThat(FieldLimits.DOCUMENT_TITLE.fits("")).isFalse();
    }

    @Test
    void boundsAreSaidAsTheRefusalsSayThem() {
        assertThat(FieldLimits.DOCUMENT_TITLE.bounds()).isEqualTo("between 1 and 500 characters");
    }

    @Test
    void aRangeThatCannotHoldAnyLengthIsAProgrammingError() {
        assertThatThrownBy(() -> new TextLimit("x", 5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x: 5..4 is not a length range");
        assertThatThrownBy(() -> new TextLimit("x", -1, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x: -1..4 is not a length range");
    }

    private static void assertRefused(ThrowingCallable call, String field, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo(field + ": " + reason);
        });
    }
}
