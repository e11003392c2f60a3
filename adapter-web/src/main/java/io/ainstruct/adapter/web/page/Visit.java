package io.ainstruct.adapter.web.page;

import io.ainstruct.adapter.web.session.WebSession;
import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.user.User;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;
import java.util.Optional;

/** A logged-in person's request: who they are to the use cases, and how to answer them. */
public final class Visit {
    private final HttpRequest<?> request;
    private final WebSession session;
    private final Caller caller;
    private final User user;
    private final Views views;

    Visit(HttpRequest<?> request, WebSession session, Caller caller, User user, Views views) {
        this.views = views;
        this.request = request;
        this.session = session;
        this.caller = caller;
        this.user = user;
    }

    public Caller caller() {
        return caller;
    }

    public User user() {
        return user;
    }

    public HttpRequest<?> request() {
        return request;
    }

    public MutableHttpResponse<?> page(String view, Model model) {
        return page(HttpStatus.OK, view, model);
    }

    public MutableHttpResponse<?> page(HttpStatus status, String view, Model model) {
        return views.render(status, view, model.with("csrf", session.csrfToken())
                .with("me", Model.of("username", user.username(),
                        "administers", Capabilities.of(caller).allows(Capability.ADMINISTER_USERS))));
    }

    public MutableHttpResponse<?> error(HttpStatus status, String title, String message) {
        return views.error(status, title, message);
    }

    public MutableHttpResponse<?> redirect(String path) {
        return Views.redirect(path);
    }

    /** Leaves a notice or a one-time secret for the next page. */
    public MutableHttpResponse<?> redirect(String path, Object flash) {
        session.flash(flash);
        return Views.redirect(path);
    }

    public <T> Optional<T> flash(Class<T> type) {
        return session.takeFlash(type);
    }

    /** What was typed into the form on {@code page} before the session expired, if anything. */
    public Optional<Map<String, String>> draft(String page) {
        return session.takeFlash(WebSession.Draft.class).filter(d -> d.path().equals(page)).map(WebSession.Draft::fields);
    }
}
