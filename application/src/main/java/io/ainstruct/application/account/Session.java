package io.ainstruct.application.account;

import java.time.Duration;

/** What a login or refresh hands out: a short-lived access token and a single-use refresh token. */
public record Session(String accessToken, String refreshToken, Duration accessTokenLifetime) {
}
