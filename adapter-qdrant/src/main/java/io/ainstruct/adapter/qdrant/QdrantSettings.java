package io.ainstruct.adapter.qdrant;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Qdrant listens and how to talk to it. {@code url} names the gRPC endpoint ({@code http://host:6334}, or
 * {@code https://...} for TLS); {@code timeout} is the deadline of every call, kept short so that an indexing relay
 * holding a database transaction gives up quickly while Qdrant is away; {@code collectionPrefix} starts the name
 * of every Qdrant collection this service creates.
 */
public record QdrantSettings(URI url, Optional<String> apiKey, Duration timeout, String collectionPrefix) {
    static final int DEFAULT_GRPC_PORT = 6334;

    public QdrantSettings {
        Objects.requireNonNull(url, "url");
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("QDRANT_URL must look like http://host:6334 or https://host:6334, not '"
                    + url + "'");
        }
        apiKey = apiKey.filter(key -> !key.isBlank());
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The Qdrant timeout must be positive, not " + timeout);
        }
        if (!collectionPrefix.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("The Qdrant collection prefix may hold letters, digits, '_' and '-' only, not '"
                    + collectionPrefix + "'");
        }
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() == -1 ? DEFAULT_GRPC_PORT : url.getPort();
    }

    public boolean tls() {
        return url.getScheme().equalsIgnoreCase("https");
    }

    /** One Qdrant collection per embedding model and dimension: vectors of two models never meet. */
    public String collectionName(String model, int dimension) {
        String slug = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return collectionPrefix + "_" + slug + "_" + dimension;
    }
}
