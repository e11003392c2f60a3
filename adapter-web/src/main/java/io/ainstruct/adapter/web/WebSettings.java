package io.ainstruct.adapter.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Optional;

/** Everything under {@code ainstruct.web.*}. */
@ConfigurationProperties("ainstruct.web")
public interface WebSettings {

    /** A dashboard session ends after this long without a request; the next page asks to log in again. */
    @Bindable(defaultValue = "30m")
    Duration getSessionIdleTimeout();

    /** A dashboard session ends this long after its login however busy it is, so a stolen cookie does not live forever. */
    @Bindable(defaultValue = "12h")
    Duration getSessionAbsoluteLifetime();

    /**
     * At most this many sessions without a login (a login form's CSRF token) are held; the oldest makes room for a
     * new one. Anyone can open them, so their number is bounded rather than trusted.
     */
    @Bindable(defaultValue = "10000")
    int getMaxAnonymousSessions();

    /**
     * Behind a TLS-terminating proxy that sets {@code X-Forwarded-Proto}, turn this on so session cookies are marked
     * Secure. Off by default: any client can send the header.
     */
    @Bindable(defaultValue = "false")
    boolean isTrustForwardedProto();

    /**
     * Whether the session cookie is always Secure; when unset, always outside dev mode (and over TLS in dev mode).
     * Set it false only to serve the dashboard over plain HTTP beyond localhost on purpose.
     */
    Optional<Boolean> getSecureCookie();
}
