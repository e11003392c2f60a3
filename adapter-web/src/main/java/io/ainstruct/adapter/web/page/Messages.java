package io.ainstruct.adapter.web.page;

import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.InvalidInput;

import java.util.Map;

/** Domain errors in words for people; the use cases' messages are written for API clients. */
final class Messages {
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("username", "Username"), Map.entry("email", "E-mail address"), Map.entry("password", "Password"),
            Map.entry("name", "Name"), Map.entry("title", "Title"), Map.entry("content", "Content"),
            Map.entry("label", "Label"), Map.entry("expires_in_days", "Days until it expires"),
            Map.entry("scopes", "Scopes"), Map.entry("permission", "Permission"), Map.entry("query", "Search"),
            Map.entry("limit", "Page size"), Map.entry("offset", "Page"));

    private Messages() {
    }

    static String of(DomainException e) {
        return switch (e.code()) {
            case INVALID_CREDENTIALS -> "That username (or e-mail) and password do not match an account.";
            case USERNAME_EXISTS -> "That username is taken; choose another.";
            case EMAIL_EXISTS -> "An account with that e-mail address exists already. Log in instead?";
            case ACCOUNT_DISABLED -> "This account is disabled. Ask an administrator to enable it again.";
            case RATE_LIMITED -> "Too many attempts from your address. Wait a minute, then try again.";
            case COLLECTION_HAS_ACTIVE_CATS -> e.getMessage() + ". Agents holding those tokens would lose their"
                    + " memory without warning, so revoke the tokens on the Tokens page first.";
            case DOCUMENT_TOO_LARGE, REQUEST_TOO_LARGE -> "This document is too large to store. Split it into smaller ones.";
            case TOKEN_REVOKED -> "This token is revoked and cannot be rotated. Create a new token instead.";
            case INSUFFICIENT_SCOPE -> "You cannot do this with the rights you have (a token cannot carry more rights"
                    + " than its creator).";
            case CANNOT_DEACTIVATE_SELF -> "You cannot deactivate or demote your own account.";
            case CANNOT_DELETE_SELF -> "You cannot delete your own account.";
            case EMBEDDING_MODEL_MISMATCH, SERVICE_UNAVAILABLE -> "The service cannot do this right now. Try again shortly.";
            default -> e instanceof InvalidInput invalid ? field(invalid) : e.getMessage();
        };
    }

    private static String field(InvalidInput invalid) {
        String reason = String.valueOf(invalid.details().get("reason"));
        return FIELDS.getOrDefault(invalid.field(), invalid.field()) + " " + reason + ".";
    }
}
