package io.ainstruct.adapter.web.page;

import io.ainstruct.application.access.ForwardedFor;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The address login and registration limits count against, chosen as the REST API does: the TCP peer, or behind a
 * proxy the last entry of {@code micronaut.server.client-address-header}'s last line, the one the trusted proxy appended.
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
