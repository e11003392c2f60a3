package io.ainstruct.application.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hybrid search merges its vector and its keyword ranking into one. */
public enum Fusion {
    /**
     * A weighted mean of each side's scores, each min-max normalized over the candidates of its own query. It keeps
     * how far apart the candidates score, which ranks throw away: Bruch, Gai and Ingber (ACM TOIS 2023, "An Analysis
     * of Fusion Functions for Hybrid Retrieval") found it better than reciprocal rank fusion in and out of domain,
     * and so it measured here (docs/BENCHMARKS.md).
     */
    CONVEX,
    /** Reciprocal rank fusion (Cormack et al., 2009): only the ranks count, each side's scores are never compared. */
    RRF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Fusion parse(String name) {
        return Arrays.stream(values()).filter(fusion -> fusion.wireName().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fusion '" + name + "'; one of "
                        + Arrays.stream(values()).map(Fusion::wireName).collect(Collectors.joining(", "))));
    }
}
