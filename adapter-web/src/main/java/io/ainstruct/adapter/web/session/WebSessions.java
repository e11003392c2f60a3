package io.ainstruct.adapter.web.session;

import io.ainstruct.adapter.web.WebSettings;
import io.ainstruct.application.account.Session;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard sessions in memory, keyed by a random id the browser holds in a cookie. A session idle for longer than
 * the configured timeout, or older than the absolute lifetime, is gone: its next request finds nothing and is sent to
 * the login page. Restarting the server logs everyone out of the dashboard.
 *
 * <p>Anyone can open an anonymous session (the login form's CSRF token) without proving anything, so those are held
 * in a store of fixed size whose oldest entry makes room for the newest. Logged-in sessions are kept in the order they
 * were last seen, so sweeping the expired ones looks only at the oldest few: O(1) amortized per new session, never a
 * walk over the whole store. The ids of logged-in sessions that expired are remembered (bounded too), because only
 * such a browser may leave a draft for after its next login.
 */
@Singleton
public class WebSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, WebSession> loggedIn = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, WebSession> anonymous;
    private final Map<String, Boolean> lapsed;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;
    private final Clock clock;

    WebSessions(WebSettings settings, Clock clock) {
        this.idleTimeout = settings.getSessionIdleTimeout();
        this.absoluteLifetime = settings.getSessionAbsoluteLifetime();
        this.anonymous = bounded(settings.getMaxAnonymousSessions());
        this.lapsed = bounded(settings.getMaxAnonymousSessions());
        this.clock = clock;
    }

    /** A session that has not expired, touched so that it lives on. */
    public synchronized Optional<WebSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WebSession session = loggedIn.get(id);
        if (session == null) {
            session = anonymous.get(id);
        }
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            forget(session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** A new session; a login always gets a new id, so an id planted before login is worth nothing after it. */
    public synchronized WebSession open(Session tokens) {
        Instant now = clock.instant();
        sweepOldest(now);
        WebSession session = new WebSession(randomToken(), randomToken(), tokens, now);
        (tokens == null ? anonymous : loggedIn).put(session.id(), session);
        return session;
    }

    /** Whether {@code id} named a logged-in session that has since expired: only its browser may keep a draft. */
    public synchronized boolean lapsed(String id) {
        if (id == null) {
            return false;
        }
        find(id);
        return lapsed.containsKey(id);
    }

    public synchronized void close(WebSession session) {
        loggedIn.remove(session.id());
        anonymous.remove(session.id());
    }

    /** Sessions held now, logged in or not; tests read it to show the store stays bounded. */
    public synchronized int count() {
        return loggedIn.size() + anonymous.size();
    }

    /** Characters of drafts the store holds now; tests read it to show what anonymous posts cannot leave behind. */
    public synchronized long retainedDraftChars() {
        long chars = 0;
        for (Map<String, WebSession> store : java.util.List.of(loggedIn, anonymous)) {
            for (WebSession session : store.values()) {
                chars += session.draftChars();
            }
        }
        return chars;
    }

    /** The stores iterate oldest first, so the first live entry ends the sweep. */
    private void sweepOldest(Instant now) {
        for (Map<String, WebSession> store : java.util.List.of(loggedIn, anonymous)) {
            Iterator<WebSession> oldest = store.values().iterator();
            while (oldest.hasNext()) {
                WebSession session = oldest.next();
                if (!idle(session, now)) {
                    break;
                }
                oldest.remove();
                remember(session);
            }
        }
    }

    private void forget(WebSession session) {
        close(session);
        remember(session);
    }

    private void remember(WebSession session) {
        if (session.tokens().isPresent()) {
            lapsed.put(session.id(), Boolean.TRUE);
        }
    }

    private boolean expired(WebSession session, Instant now) {
        return idle(session, now) || session.created().plus(absoluteLifetime).isBefore(now);
    }

    private boolean idle(WebSession session, Instant now) {
        return session.lastSeen().plus(idleTimeout).isBefore(now);
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
