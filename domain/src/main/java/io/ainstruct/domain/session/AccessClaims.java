package io.ainstruct.domain.session;

import io.ainstruct.domain.user.UserId;

/**
 * What a valid access token says: whose it is, and the {@link io.ainstruct.domain.user.User#credentialStamp stamp}
 * of the password it was issued under, so that changing the password ends every session at once.
 */
public record AccessClaims(UserId userId, String credentialStamp) {
}
