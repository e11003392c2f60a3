package io.ainstruct.adapter.rest.auth;

import io.ainstruct.application.access.ForwardedFor;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * The address rate limits count against. By default the TCP peer: forwarded headers are not trusted, since any client
 * can set them. Behind a proxy, set {@code micronaut.server.client-address-header} (e.g. X-Forwarded-For): then the
 * right-most entry of that header counts, the one the trusted proxy itself appended.
 */
@Singleton
class ClientAddress {
    private final String trustedHeader;

    ClientAddress(HttpServerConfiguration server) {
        this.trustedHeader = server.getClientAddressHeader();
    }

    String of(HttpRequest<?> request) {
        String forwarded = trustedHeader == null ? null : request.getHeaders().get(trustedHeader);
        return ForwardedFor.client(forwarded, request.getRemoteAddress().getAddress().getHostAddress());
    }
}
