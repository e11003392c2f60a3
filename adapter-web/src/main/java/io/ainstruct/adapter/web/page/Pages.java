package io.ainstruct.adapter.web.page;

import io.ainstruct.adapter.web.session.SessionCookie;
import io.ainstruct.adapter.web.session.WebSession;
import io.ainstruct.adapter.web.session.WebSessions;
import io.ainstruct.application.access.Authenticator;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Session;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.RateLimited;
import io.ainstruct.domain.error.TooLarge;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.usage.EntryPoint;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every dashboard page and form goes through here: find the session, authenticate it as the use cases' caller,
 * check the CSRF token of every form, and turn domain errors into pages. Permission decisions stay in the use cases.
 */
@Singleton
public class Pages {
    static final String SERVER_TIMING = "Server-Timing";
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    private final WebSessions sessions;
    private final SessionCookie cookie;
    private final Authenticator authenticator;
    private final AccountService accounts;
    private final Views views;

    Pages(WebSessions sessions, SessionCookie cookie, Authenticator authenticator, AccountService accounts, Views views) {
        this.views = views;
        this.sessions = sessions;
        this.cookie = cookie;
        this.authenticator = authenticator;
        this.accounts = accounts;
    }

    /** A page for a logged-in person; anyone else is sent to log in and brought back here afterwards. */
    public MutableHttpResponse<?> show(HttpRequest<?> request, Function<Visit, MutableHttpResponse<?>> page) {
        Optional<WebSession> session = loggedIn(request);
        if (session.isEmpty()) {
            // A cookie naming no live session is a session that expired.
            return toLogin(request.getUri().toString(), cookie.read(request).isPresent());
        }
        return run(request, session.get(), page);
    }

    /**
     * A form: nothing happens unless its CSRF token matches the session's. A rejected value re-renders the form with
     * what was typed; a session that expired meanwhile keeps the input for after the next login.
     */
    public MutableHttpResponse<?> submit(HttpRequest<?> request, Form form, Function<Visit, MutableHttpResponse<?>> action,
                                         BiFunction<Visit, String, MutableHttpResponse<?>> rejected) {
        Optional<WebSession> session = loggedIn(request);
        if (session.isEmpty()) {
            String page = htmxPage(request).orElse(form.page());
            boolean lapsed = sessions.lapsed(cookie.read(request).orElse(null));
            MutableHttpResponse<?> response = toLogin(page, lapsed);
            if (htmxPage(request).isPresent()) {
                // A redirect would only swap the login page into the preview; htmx moves the whole window instead.
                response = HttpResponse.ok().header("HX-Redirect", response.getHeaders().get(HttpHeaders.LOCATION));
            }
            WebSession.Draft draft = new WebSession.Draft(page, form.fields());
            // Only a browser whose login lapsed keeps what it typed, and only a draft of a sensible size: anyone else
            // could fill the server's memory with forms posted without ever logging in.
            if (lapsed && draft.chars() <= WebSession.Draft.MAX_CHARS) {
                WebSession anonymous = sessions.open(null);
                anonymous.flash(draft);
                cookie.write(request, response, anonymous);
            }
            return response;
        }
        if (!csrfMatches(session.get(), form)) {
            return csrfRejected();
        }
        return run(request, session.get(), visit -> {
            try {
                return action.apply(visit);
            } catch (InvalidInput | Conflict | TooLarge | RateLimited | Forbidden e) {
                // A refusal of what the form asked for (a name, a size, more rights than one has) belongs next to it.
                return rejected.apply(visit, Messages.of(e));
            }
        });
    }

    /** A form of the login and registration pages, whose session carries only a CSRF token. */
    public boolean csrfMatches(WebSession session, Form form) {
        byte[] expected = session.csrfToken().getBytes(StandardCharsets.UTF_8);
        byte[] sent = form.get(Form.CSRF_FIELD).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, sent);
    }

    public MutableHttpResponse<?> csrfRejected() {
        return views.error(HttpStatus.FORBIDDEN, "This form could not be checked",
                "It may be older than your session, or it was sent from another site. Nothing was changed. "
                        + "Go back, reload the page and try again.");
    }

    /** Sends to the login page; {@code next} (a dashboard path) is where a successful login leads. */
    public static MutableHttpResponse<?> toLogin(String next, boolean expired) {
        String target = "/app/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) + (expired ? "&expired=1" : "");
        return Views.redirect(target);
    }

    /** For a request htmx made from a dashboard page (the live preview): the path of that page. */
    private static Optional<String> htmxPage(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get("HX-Current-URL"))
                .filter(url -> "true".equals(request.getHeaders().get("HX-Request")))
                .flatMap(url -> {
                    try {
                        return Optional.ofNullable(URI.create(url).getPath());
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                })
                .filter(path -> path.startsWith("/app/"));
    }

    Optional<WebSession> loggedIn(HttpRequest<?> request) {
        return cookie.read(request).flatMap(sessions::find).filter(s -> s.tokens().isPresent());
    }

    private MutableHttpResponse<?> run(HttpRequest<?> request, WebSession session, Function<Visit, MutableHttpResponse<?>> page) {
        try {
            long start = System.nanoTime();
            Caller caller = caller(session);
            MutableHttpResponse<?> response = page.apply(new Visit(request, session, caller, accounts.profile(caller), views));
            // Browsers' developer tools show it; bench/web-dashboard.sh reads it.
            return response.header(SERVER_TIMING, "page;desc=\"authentication, use cases and template\";dur="
                    + String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e6));
        } catch (Unauthenticated | AccountGone e) {
            sessions.close(session);
            MutableHttpResponse<?> response = toLogin(request.getUri().toString(), true);
            cookie.clear(request, response);
            return response;
        } catch (NotFound e) {
            return views.error(HttpStatus.NOT_FOUND, "Not found",
                    "There is nothing here, or it belongs to someone else. " + e.getMessage() + ".");
        } catch (Forbidden e) {
            return views.error(HttpStatus.FORBIDDEN, "Not allowed", Messages.of(e));
        } catch (DomainException e) {
            return views.error(HttpStatus.BAD_REQUEST, "That did not work", Messages.of(e));
        } catch (RuntimeException e) {
            // The cause is for the log; the person gets a page in words, never a stack trace or an exception's text.
            LOG.error("Dashboard request {} {} failed", request.getMethod(), request.getPath(), e);
            return views.error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side",
                    "The page could not be shown. Go back and try again; if it keeps happening, tell the administrator.");
        }
    }

    /**
     * The session's access token expires long before the session does; then the refresh token buys a new pair.
     * One refresh per session at a time: a refresh token works once, so two pages loading together must not both spend it.
     */
    private Caller caller(WebSession session) {
        Session tokens = session.tokens().orElseThrow(AccountGone::new);
        try {
            return authenticator.authenticate(tokens.accessToken(), EntryPoint.REST);
        } catch (Unauthenticated expired) {
            synchronized (session) {
                Session current = session.tokens().orElseThrow(AccountGone::new);
                if (current == tokens) {
                    try {
                        current = accounts.refresh(tokens.refreshToken());
                    } catch (DomainException refused) {
                        throw new AccountGone();
                    }
                    session.replaceTokens(current);
                }
                return authenticator.authenticate(current.accessToken(), EntryPoint.REST);
            }
        }
    }

    /** The session's tokens no longer work: expired, or the account was disabled. */
    private static final class AccountGone extends RuntimeException {
        AccountGone() {
            super(null, null, false, false);
        }
    }
}
