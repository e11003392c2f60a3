package io.ainstruct.adapter.web.session;

import io.ainstruct.adapter.web.WebSettings;
import io.ainstruct.application.account.Session;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sessions in memory, keyed by a random id the browser holds in a cookie. A session idle for longer than
 * the configured timeout is gone: its next request finds nothing and is sent to the login page. Restarting the
 * server logs everyone out of the dashboard, which costs a login and keeps no session state in the database.
 */
@Singleton
public class WebSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    WebSessions(WebSettings settings, Clock clock) {
        this.idleTimeout = settings.getSessionIdleTimeout();
        this.clock = clock;
    }

    /** A session that has not expired, touched so that it lives on. */
    public Optional<WebSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WebSession session = sessions.get(id);
        if (session == null || expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** A new session; a login always gets a new id, so an id planted before login is worth nothing after it. */
    public WebSession open(Session tokens) {
        Instant now = clock.instant();
        // Sessions nobody comes back to are swept here rather than on every request.
        sessions.values().removeIf(s -> expired(s, now));
        WebSession session = new WebSession(randomToken(), randomToken(), tokens, now);
        sessions.put(session.id(), session);
        return session;
    }

    public void close(WebSession session) {
        sessions.remove(session.id());
    }

    private boolean expired(WebSession session, Instant now) {
        return session.lastSeen().plus(idleTimeout).isBefore(now);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
