package io.ainstruct.application.access;

import java.util.Locale;

/** Reads the token out of an {@code Authorization: Bearer <token>} header, for every entry point alike. */
public final class BearerHeader {
    private static final String PREFIX = "bearer ";

    private BearerHeader() {
    }

    /** The token, or null when the header is absent or not a bearer credential. */
    public static String token(String header) {
        return header != null && header.length() > PREFIX.length()
                && header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)
                ? header.substring(PREFIX.length()).trim()
                : null;
    }
}
