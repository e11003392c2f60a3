package io.ainstruct.adapter.web.page;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.NotFound;

import java.util.UUID;

/** Ids in dashboard URLs: one that is not a UUID names a page that does not exist. */
final class Ids {
    private Ids() {
    }

    static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound(ErrorCode.NOT_FOUND, "Page not found");
        }
    }
}
