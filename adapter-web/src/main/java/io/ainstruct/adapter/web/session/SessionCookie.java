package io.ainstruct.adapter.web.session;

import io.ainstruct.adapter.web.WebSettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The cookie that names a dashboard session: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms do
 * not carry it), limited to the dashboard's paths, and Secure (sent over TLS only) whenever the request came over
 * TLS and, outside dev mode, always: a production server is meant to sit behind TLS, and a cookie that may travel
 * in the clear once can be stolen once. {@code ainstruct.web.secure-cookie=false} serves plain HTTP on purpose.
 */
@Singleton
public class SessionCookie {
    public static final String NAME = "ainstruct_session";
    static final String PATH = "/app";

    private final boolean trustForwardedProto;
    private final boolean alwaysSecure;

    SessionCookie(WebSettings settings, @Property(name = "ainstruct.dev-mode", defaultValue = "false") boolean devMode) {
        this.trustForwardedProto = settings.isTrustForwardedProto();
        this.alwaysSecure = settings.getSecureCookie().orElse(!devMode);
    }

    public Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue);
    }

    public void write(HttpRequest<?> request, MutableHttpResponse<?> response, WebSession session) {
        response.cookie(base(request, session.id()));
    }

    public void clear(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(base(request, "").maxAge(0));
    }

    private Cookie base(HttpRequest<?> request, String value) {
        return Cookie.of(NAME, value).path(PATH).httpOnly(true).sameSite(SameSite.Lax).secure(alwaysSecure || overTls(request));
    }

    /** Over TLS to this server, or to the trusted proxy in front of it. */
    public boolean overTls(HttpRequest<?> request) {
        return request.isSecure()
                || trustForwardedProto && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
