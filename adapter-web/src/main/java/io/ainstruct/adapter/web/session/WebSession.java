package io.ainstruct.adapter.web.session;

import io.ainstruct.application.account.Session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One browser's dashboard session, kept on the server: the login's access and refresh tokens (never sent to the
 * browser), the CSRF token its forms carry, and what one page hands the next (a new token's secret, a kept draft).
 */
public final class WebSession {
    private final String id;
    private final String csrfToken;
    private volatile Session tokens;
    private final Instant created;
    private volatile Instant lastSeen;
    private volatile Object flash;

    WebSession(String id, String csrfToken, Session tokens, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.tokens = tokens;
        this.created = now;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The login's tokens; empty before login (a session then only carries the login form's CSRF token). */
    public Optional<Session> tokens() {
        return Optional.ofNullable(tokens);
    }

    /** After a refresh: the old refresh token is spent, so the pair is replaced together. */
    public void replaceTokens(Session refreshed) {
        this.tokens = refreshed;
    }

    Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        this.lastSeen = now;
    }

    /** Keeps something for the next page only. */
    public void flash(Object value) {
        this.flash = value;
    }

    /** What the previous page left, if it is of {@code type}; taken, so it is shown once. */
    public synchronized <T> Optional<T> takeFlash(Class<T> type) {
        if (type.isInstance(flash)) {
            T value = type.cast(flash);
            flash = null;
            return Optional.of(value);
        }
        return Optional.empty();
    }

    long draftChars() {
        return flash instanceof Draft draft ? draft.chars() : 0;
    }

    /** A form that arrived after its session expired, kept so that logging in again brings it back. */
    public record Draft(String path, Map<String, String> fields) {
        /** The most a draft may hold; a larger form is not kept (a document's editor stays far below it). */
        public static final long MAX_CHARS = 256 * 1024;

        public long chars() {
            long chars = path.length();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                chars += field.getKey().length() + (field.getValue() == null ? 0 : field.getValue().length());
            }
            return chars;
        }
    }
}
