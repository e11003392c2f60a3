package io.ainstruct.adapter.web.page;

import io.ainstruct.adapter.web.session.SessionCookie;
import io.ainstruct.adapter.web.session.WebSession;
import io.ainstruct.adapter.web.session.WebSessions;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Registration;
import io.ainstruct.application.account.Session;
import io.ainstruct.domain.error.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.Optional;

/** Logging in, registering and logging out. These forms run before there is a person, on a session of their own. */
@Controller("/app")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthPages {
    private final AccountService accounts;
    private final WebSessions sessions;
    private final SessionCookie cookie;
    private final ClientAddress clientAddress;
    private final Pages pages;
    private final Views views;

    AuthPages(AccountService accounts, WebSessions sessions, SessionCookie cookie, ClientAddress clientAddress, Pages pages,
              Views views) {
        this.views = views;
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookie = cookie;
        this.clientAddress = clientAddress;
        this.pages = pages;
    }

    @Get("/login")
    MutableHttpResponse<?> login(HttpRequest<?> request, @Nullable @QueryValue String next, @Nullable @QueryValue String expired) {
        // Someone already logged in keeps their session rather than being handed a new, anonymous one.
        if (pages.loggedIn(request).isPresent()) {
            return Views.redirect(safeNext(next));
        }
        Model model = Model.of("next", safeNext(next), "username", "");
        if (expired != null) {
            model.with("notice", "Your session expired. Log in again to continue; what you typed is kept.");
        }
        return anonymousPage(request, HttpStatus.OK, "login", model);
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> submitLogin(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, "/app/login");
        Model model = Model.of("next", safeNext(form.get("next")), "username", form.get("username"));
        Optional<WebSession> anonymous = cookie.read(request).flatMap(sessions::find);
        if (anonymous.isEmpty() || !pages.csrfMatches(anonymous.get(), form)) {
            return pages.csrfRejected();
        }
        try {
            Session tokens = accounts.login(form.get("username").strip(), form.get("password"), clientAddress.of(request));
            WebSession session = sessions.open(tokens);
            anonymous.get().takeFlash(WebSession.Draft.class).ifPresent(session::flash);
            sessions.close(anonymous.get());
            MutableHttpResponse<?> response = Views.redirect((String) model.get("next"));
            cookie.write(request, response, session);
            return response;
        } catch (DomainException e) {
            return anonymousPage(request, HttpStatus.UNPROCESSABLE_ENTITY, "login", model.with("error", Messages.of(e)));
        }
    }

    @Get("/register")
    MutableHttpResponse<?> register(HttpRequest<?> request) {
        if (pages.loggedIn(request).isPresent()) {
            return Views.redirect("/app");
        }
        return anonymousPage(request, HttpStatus.OK, "register", Model.of("username", "", "email", ""));
    }

    @Post("/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> submitRegister(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, "/app/register");
        Model model = Model.of("username", form.get("username"), "email", form.get("email"));
        Optional<WebSession> anonymous = cookie.read(request).flatMap(sessions::find);
        if (anonymous.isEmpty() || !pages.csrfMatches(anonymous.get(), form)) {
            return pages.csrfRejected();
        }
        try {
            if (!form.get("password").equals(form.get("password_again"))) {
                return anonymousPage(request, HttpStatus.UNPROCESSABLE_ENTITY, "register",
                        model.with("error", "The two passwords differ; type the same password twice."));
            }
            accounts.register(new Registration(form.get("username").strip(), form.get("email"), form.get("password")),
                    clientAddress.of(request));
            return anonymousPage(request, HttpStatus.OK, "login", Model.of("next", "/app", "username", form.get("username").strip(),
                    "notice", "Your account is ready. Log in with your new password."));
        } catch (DomainException e) {
            return anonymousPage(request, HttpStatus.UNPROCESSABLE_ENTITY, "register", model.with("error", Messages.of(e)));
        }
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> logout(HttpRequest<?> request, @Body Map<String, String> fields) {
        Optional<WebSession> session = cookie.read(request).flatMap(sessions::find);
        if (session.isPresent() && !pages.csrfMatches(session.get(), Form.of(fields, "/app"))) {
            return pages.csrfRejected();
        }
        session.ifPresent(ended -> {
            // The refresh token never left the server, but a dump of the database or a memory could still hold it.
            ended.tokens().ifPresent(tokens -> accounts.logout(tokens.refreshToken()));
            sessions.close(ended);
        });
        MutableHttpResponse<?> response = Views.redirect("/app/login");
        cookie.clear(request, response);
        return response;
    }

    /** Login and registration forms carry a CSRF token too, so no other site can log a browser into its account. */
    private MutableHttpResponse<?> anonymousPage(HttpRequest<?> request, HttpStatus status, String view, Model model) {
        WebSession session = cookie.read(request).flatMap(sessions::find).filter(s -> s.tokens().isEmpty())
                .orElseGet(() -> sessions.open(null));
        MutableHttpResponse<?> response = views.render(status, view, model.with("csrf", session.csrfToken()));
        cookie.write(request, response, session);
        return response;
    }

    /** Only a path inside the dashboard: a login must not bounce the browser to another site. */
    private static String safeNext(String next) {
        return next != null && next.startsWith("/app") && !next.startsWith("//") && !next.contains("\\") ? next : "/app";
    }
}
