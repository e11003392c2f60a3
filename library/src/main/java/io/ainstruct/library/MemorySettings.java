package io.ainstruct.library;

import io.ainstruct.domain.error.InvalidInput;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an {@link AinstructMemory} keeps its data and how it finds and ranks it. Start from one of the two places a
 * memory can live, then change what you need:
 * <pre>{@code
 * // Everything in one directory: an embedded PostgreSQL is started there (and stopped at close).
 * MemorySettings local = MemorySettings.inDirectory(Path.of("memory")).build();
 *
 * // A PostgreSQL that you run (no extension needed); the schema is created or migrated on open.
 * MemorySettings shared = MemorySettings.onDatabase("jdbc:postgresql://db:5432/memory", "app", secret)
 *         .embedding(LocalEmbedding.ALL_MINILM_L6_V2_Q)
 *         .qdrant(URI.create("http://qdrant:6334"), Optional.of(qdrantKey))
 *         .build();
 * }</pre>
 * Unless told otherwise the embedding model is the one that made the stored vectors, or {@link
 * LocalEmbedding#BGE_SMALL_EN_V15_Q} for a new database (the server's rule), and vectors are indexed in process.
 * Nothing is read from environment variables or configuration files: these settings are the whole configuration.
 */
public final class MemorySettings {
    private final Optional<Path> dataDirectory;
    private final Optional<Database> database;
    private final Optional<LocalEmbedding> embedding;
    private final Optional<Qdrant> qdrant;

    /** A PostgreSQL given by JDBC URL; {@code username} and {@code password} may be null when the URL carries them. */
    record Database(String jdbcUrl, String username, String password) {
    }

    /** A Qdrant reached over gRPC ({@code http://host:6334}, {@code https://} for TLS). */
    record Qdrant(URI url, Optional<String> apiKey) {
    }

    private MemorySettings(Builder builder) {
        this.dataDirectory = builder.dataDirectory;
        this.database = builder.database;
        this.embedding = builder.embedding;
        this.qdrant = builder.qdrant;
    }

    /** An embedded PostgreSQL keeping its files under {@code directory} (created when missing). */
    public static Builder inDirectory(Path directory) {
        if (directory == null) {
            throw new InvalidInput("data_directory", "is required");
        }
        return new Builder(Optional.of(directory), Optional.empty());
    }

    /** A PostgreSQL server of yours, {@code jdbc:postgresql://host:port/database}. */
    public static Builder onDatabase(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null || !jdbcUrl.strip().startsWith("jdbc:postgresql:")) {
            throw new InvalidInput("jdbc_url", "must start with jdbc:postgresql:");
        }
        return new Builder(Optional.empty(), Optional.of(new Database(jdbcUrl.strip(), username, password)));
    }

    Optional<Path> dataDirectory() {
        return dataDirectory;
    }

    Optional<Database> database() {
        return database;
    }

    Optional<LocalEmbedding> embedding() {
        return embedding;
    }

    Optional<Qdrant> qdrant() {
        return qdrant;
    }

    /** Collects the choices; {@link #build()} makes the immutable settings. */
    public static final class Builder {
        private final Optional<Path> dataDirectory;
        private final Optional<Database> database;
        private Optional<LocalEmbedding> embedding = Optional.empty();
        private Optional<Qdrant> qdrant = Optional.empty();

        private Builder(Optional<Path> dataDirectory, Optional<Database> database) {
            this.dataDirectory = dataDirectory;
            this.database = database;
        }

        /** The model that embeds documents and queries. */
        public Builder embedding(LocalEmbedding model) {
            if (model == null) {
                throw new InvalidInput("embedding", "is required");
            }
            this.embedding = Optional.of(model);
            return this;
        }

        /** Index vectors in Qdrant instead of in this process. */
        public Builder qdrant(URI url, Optional<String> apiKey) {
            if (url == null || url.getHost() == null) {
                throw new InvalidInput("qdrant_url", "must be a URL like http://qdrant:6334");
            }
            this.qdrant = Optional.of(new Qdrant(url, apiKey == null ? Optional.empty() : apiKey));
            return this;
        }

        public MemorySettings build() {
            return new MemorySettings(this);
        }
    }
}
