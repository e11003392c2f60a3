package io.ainstruct.adapter.web.session;

import io.ainstruct.adapter.web.WebSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When the session cookie is Secure: outside dev mode always, in dev mode over TLS, as configured when it is. */
class SessionCookieTest {

    @Test
    void outsideDevModeTheCookieIsSecureEvenOverPlainHttp() {
        assertThat(cookieOverPlainHttp(Optional.empty(), false)).containsIgnoringCase("Secure");
    }

    @Test
    void inDevModeItIsSecureOnlyOverTls() {
        assertThat(cookieOverPlainHttp(Optional.empty(), true)).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void theSettingWinsEitherWay() {
        assertThat(cookieOverPlainHttp(Optional.of(false), false)).doesNotContainIgnoringCase("Secure");
        assertThat(cookieOverPlainHttp(Optional.of(true), true)).containsIgnoringCase("Secure");
    }

    private static String cookieOverPlainHttp(Optional<Boolean> secureCookie, boolean devMode) {
        WebSettings settings = settings(secureCookie);
        SessionCookie cookie = new SessionCookie(settings, devMode);
        MutableHttpResponse<?> response = HttpResponse.ok();
        cookie.write(HttpRequest.GET("http://localhost/app/login"), response,
                new WebSessions(settings, Clock.systemUTC()).open(null));
        return response.getHeaders().get("Set-Cookie");
    }

    private static WebSettings settings(Optional<Boolean> secureCookie) {
        return new WebSettings() {
            @Override
            public Duration getSessionIdleTimeout() {
                return Duration.ofMinutes(30);
            }

            @Override
            public Duration getSessionAbsoluteLifetime() {
                return Duration.ofHours(12);
            }

            @Override
            public int getMaxAnonymousSessions() {
                return 10;
            }

            @Override
            public boolean isTrustForwardedProto() {
                return false;
            }

            @Override
            public Optional<Boolean> getSecureCookie() {
                return secureCookie;
            }
        };
    }
}
