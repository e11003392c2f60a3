package io.ainstruct.adapter.rest.auth;

import io.ainstruct.application.access.ForwardedFor;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The address rate limits count against. By default the TCP peer: forwarded headers are not trusted, since any client
 * can set them. Behind a proxy, set {@code micronaut.server.client-address-header} (e.g. X-Forwarded-For): then the
 * last entry of that header's last line counts, the one the trusted proxy itself appended.
 */
@Singleton
class ClientAddress {
    private final String trustedHeader;

    ClientAddress(HttpServerConfiguration server) {
        this.trustedHeader = server.getClientAddressHeader();
    }

    String of(HttpRequest<?> request) {
        List<String> forwarded = trustedHeader == null ? List.of() : request.getHeaders().getAll(trustedHeader);
        return ForwardedFor.client(forwarded, request.getRemoteAddress().getAddress().getHostAddress());
    }
}
