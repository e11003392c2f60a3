package io.ainstruct.bootstrap;

import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.adapter.embedding.BatchingEmbedder;
import io.ainstruct.adapter.embedding.LocalEmbedder;
import io.ainstruct.adapter.embedding.LocalModel;
import io.ainstruct.adapter.embedding.OpenAiCompatibleEmbedder;
import io.ainstruct.adapter.embedding.OpenAiEmbedderSettings;
import io.ainstruct.adapter.security.BcryptPasswordHasher;
import io.ainstruct.adapter.security.JwtAccessTokens;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import io.ainstruct.domain.port.PasswordHasher;
import io.ainstruct.domain.port.Tokenizer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * The local model of new installations: bge-small scored nDCG@10 0.72 on SciFact where MiniLM scored 0.62 (the
     * same ranking by hybrid search: see docs/BENCHMARKS.md), for 1.6 to 4.9 times MiniLM's CPU per text.
     */
    static final LocalModel DEFAULT_LOCAL_MODEL = LocalModel.BGE_SMALL_EN_V15_Q;

    @Singleton
    Embedder embedder(EmbeddingSettings settings, EmbeddingModelLedger ledger) {
        return switch (settings.getProvider()) {
            case "local" -> new BatchingEmbedder(new LocalEmbedder(localModel(settings, ledger), settings.getBatchSize()),
                    settings.getBatchWindow(), settings.getBatchSize());
            case "openai" -> new OpenAiCompatibleEmbedder(new OpenAiEmbedderSettings(settings.getBaseUrl(),
                    settings.getModel(), settings.getDimension(), settings.getApiKey().filter(key -> !key.isBlank()).orElse(null),
                    settings.getBatchSize(), settings.getTimeout()));
            default -> throw new ConfigurationException("ainstruct.embedding.provider must be 'local' or 'openai', not '"
                    + settings.getProvider() + "'");
        };
    }

    /**
     * The configured model; unset, the one that made the stored vectors, so that a new default never locks an older
     * installation out (the model guard would refuse it until a reindex); else the default.
     */
    private static LocalModel localModel(EmbeddingSettings settings, EmbeddingModelLedger ledger) {
        Optional<String> configured = settings.getLocalModel().filter(name -> !name.isBlank());
        if (configured.isEmpty()) {
            return ledger.recorded().flatMap(LocalModel::recordedAs).orElse(DEFAULT_LOCAL_MODEL);
        }
        try {
            return LocalModel.named(configured.get().strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ainstruct.embedding.local-model: " + e.getMessage());
        }
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
