package io.ainstruct.adapter.web.session;

import io.ainstruct.adapter.web.WebSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The cookie that names a dashboard session: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms do
 * not carry it), Secure whenever the request came over TLS, limited to the dashboard's paths.
 */
@Singleton
public class SessionCookie {
    public static final String NAME = "ainstruct_session";
    static final String PATH = "/app";

    private final boolean trustForwardedProto;

    SessionCookie(WebSettings settings) {
        this.trustForwardedProto = settings.isTrustForwardedProto();
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
        return Cookie.of(NAME, value).path(PATH).httpOnly(true).sameSite(SameSite.Lax).secure(overTls(request));
    }

    private boolean overTls(HttpRequest<?> request) {
        return request.isSecure()
                || trustForwardedProto && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
