package io.ainstruct.domain.user;

/** What an administrator sees next to a user: how much they own. Token counts include revoked ones. */
public record UserStats(User user, long collectionCount, long patCount, long catCount) {
}
