package io.ainstruct.application.token;

import io.ainstruct.application.validation.Require;
import io.ainstruct.domain.field.FieldLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a rotation may change besides the secret: the label and a fresh lifetime; absent ones stay as they were. */
public record TokenRotation(Optional<String> label, Optional<Integer> expiresInDays) {
    public static final TokenRotation SECRET_ONLY = new TokenRotation(Optional.empty(), Optional.empty());

    public static TokenRotation of(String label, Integer expiresInDays) {
        Optional<String> checked = Optional.ofNullable(label).map(text -> FieldLimits.TOKEN_LABEL.require(text.strip()));
        Optional<Integer> days = Optional.ofNullable(expiresInDays)
                .map(value -> Require.range("expires_in_days", value, value, 1, TokenRequest.MAX_DAYS));
        return new TokenRotation(checked, days);
    }

    Optional<Instant> expiresAt(Instant now) {
        return expiresInDays.map(days -> now.plus(Duration.ofDays(days)));
    }
}
