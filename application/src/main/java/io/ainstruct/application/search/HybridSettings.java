package io.ainstruct.application.search;

/**
 * How hybrid search fuses its two rankings: by which {@link Fusion}, with which weight for each side, and with
 * {@code k}, the constant of reciprocal rank fusion (a larger one flattens the difference between the first ranks;
 * the convex fusion does not use it). Each side offers at least {@code candidates} passages (and never fewer than the
 * results asked for).
 */
public record HybridSettings(Fusion fusion, int k, double vectorWeight, double keywordWeight, int candidates) {
    /**
     * Equal weights, untuned: a weight fitted to one benchmark would not carry over to the collections users keep.
     * k = 60 is the constant of the paper that introduced reciprocal rank fusion and of most engines.
     */
    public static final HybridSettings DEFAULTS = new HybridSettings(Fusion.CONVEX, 60, 1.0, 1.0, 50);

    public HybridSettings {
        if (fusion == null) {
            throw new IllegalArgumentException("a fusion is required");
        }
        if (k < 0) {
            throw new IllegalArgumentException("the fusion constant k must not be negative");
        }
        if (!(vectorWeight >= 0) || !(keywordWeight >= 0) || vectorWeight + keywordWeight == 0) {
            throw new IllegalArgumentException("fusion weights must be non-negative and not both zero");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }
}
