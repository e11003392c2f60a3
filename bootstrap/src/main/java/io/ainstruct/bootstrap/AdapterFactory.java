package io.ainstruct.bootstrap;

import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.adapter.embedding.LocalMiniLmEmbedder;
import io.ainstruct.adapter.embedding.OpenAiCompatibleEmbedder;
import io.ainstruct.adapter.embedding.OpenAiEmbedderSettings;
import io.ainstruct.adapter.security.BcryptPasswordHasher;
import io.ainstruct.adapter.security.JwtAccessTokens;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.PasswordHasher;
import io.ainstruct.domain.port.Tokenizer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Builds the framework-free adapters (embedding, tokens, passwords) from configuration. */
@Factory
class AdapterFactory {

    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds; a clock of the same precision makes what we return equal what we read back.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    Tokenizer tokenizer() {
        return new JtokkitTokenizer();
    }

    @Singleton
    Embedder embedder(EmbeddingSettings settings) {
        return switch (settings.getProvider()) {
            case "local" -> new LocalMiniLmEmbedder(settings.getBatchSize());
            case "openai" -> new OpenAiCompatibleEmbedder(new OpenAiEmbedderSettings(settings.getBaseUrl(),
                    settings.getModel(), settings.getDimension(), settings.getApiKey().filter(key -> !key.isBlank()).orElse(null),
                    settings.getBatchSize(), settings.getTimeout()));
            default -> throw new ConfigurationException("ainstruct.embedding.provider must be 'local' or 'openai', not '"
                    + settings.getProvider() + "'");
        };
    }

    @Singleton
    PasswordHasher passwordHasher(AinstructSettings settings) {
        return new BcryptPasswordHasher(settings.getBcryptCost());
    }

    @Singleton
    AccessTokens accessTokens(AinstructSettings settings, JwtSecretSource secrets) {
        return new JwtAccessTokens(secrets.secret(), "ainstruct", settings.getAccessTokenLifetime());
    }
}
