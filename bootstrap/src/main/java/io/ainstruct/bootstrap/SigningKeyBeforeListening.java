package io.ainstruct.bootstrap;

import io.ainstruct.domain.port.AccessTokens;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Reads the signing key when the HTTP server is created, before it listens: a server that could not sign a login must
 * not start at all (else it reports healthy and answers every login with a 500). The command-line tools, which start
 * no server, need no key.
 */
@Singleton
final class SigningKeyBeforeListening implements BeanCreatedEventListener<EmbeddedServer> {
    private final BeanProvider<AccessTokens> accessTokens;

    SigningKeyBeforeListening(BeanProvider<AccessTokens> accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        accessTokens.get();
        return event.getBean();
    }
}
