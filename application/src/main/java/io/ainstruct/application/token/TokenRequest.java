package io.ainstruct.application.token;

import io.ainstruct.application.validation.Require;
import io.ainstruct.domain.field.FieldLimits;

import java.time.Duration;
import java.time.Instant;

/** What every new token needs: a label and a lifetime (default 90 days, at most {@code maxDays}). */
public record TokenRequest(String label, int expiresInDays) {
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;

    public static TokenRequest of(String label, Integer expiresInDays) {
        String checked = FieldLimits.TOKEN_LABEL.require(label == null ? null : label.strip());
        return new TokenRequest(checked, Require.range("expires_in_days", expiresInDays, DEFAULT_DAYS, 1, MAX_DAYS));
    }

    Instant expiresAt(Instant now) {
        return now.plus(Duration.ofDays(expiresInDays));
    }
}
