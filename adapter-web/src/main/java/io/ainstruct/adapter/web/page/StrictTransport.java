package io.ainstruct.adapter.web.page;

import io.ainstruct.adapter.web.session.SessionCookie;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Over TLS, tells the browser to use nothing else for this host for a year (HSTS), so a later visit cannot be
 * downgraded to plain HTTP where the session cookie could be read. Never over plain HTTP: there it would be a lie
 * an attacker in the middle could strip anyway, and it would lock out a server that has no TLS.
 */
@ServerFilter("/app/**")
class StrictTransport {
    private static final String ONE_YEAR = "max-age=31536000";

    private final SessionCookie cookie;

    StrictTransport(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @ResponseFilter
    void overTlsOnly(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (cookie.overTls(request)) {
            response.header("Strict-Transport-Security", ONE_YEAR);
        }
    }
}
