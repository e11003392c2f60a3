package io.ainstruct.application.search;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a search ranks: by meaning and by words at once (the default), by meaning alone (vector similarity), or by
 * words alone (BM25 over the keyword index).
 */
public enum SearchMode {
    HYBRID, SEMANTIC, KEYWORD;

    /** The name clients send and receive: {@code hybrid}, {@code semantic}, {@code keyword}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Hybrid when the client names none. */
    public static SearchMode parse(String name) {
        if (name == null || name.isBlank()) {
            return HYBRID;
        }
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(ErrorCode.UNKNOWN_SEARCH_MODE, "search_mode", "must be one of "
                        + Arrays.stream(values()).map(SearchMode::wireName).collect(Collectors.joining(", "))));
    }
}
