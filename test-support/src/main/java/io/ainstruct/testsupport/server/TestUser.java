package io.ainstruct.testsupport.server;

import io.ainstruct.domain.access.Caller;

/** A user with a fresh session: id, credentials, the {@link Caller} of the login (their rights then), and the session's tokens. */
public record TestUser(String id, String username, String password, Caller caller, String accessToken,
                       String refreshToken) {
}
