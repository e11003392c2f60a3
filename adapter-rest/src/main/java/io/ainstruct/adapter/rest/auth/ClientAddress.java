package io.ainstruct.adapter.rest.auth;

import io.micronaut.http.HttpRequest;

/**
 * The address rate limits count against: the TCP peer. Forwarded headers are not trusted, since any client can set
 * them; behind a proxy, configure Micronaut's client-address header (micronaut.server.client-address-header).
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
