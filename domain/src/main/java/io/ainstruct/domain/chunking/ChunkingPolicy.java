package io.ainstruct.domain.chunking;

/** How big chunks get and how much consecutive chunks share. */
public record ChunkingPolicy(int maxTokens, int overlapTokens) {

    public static final ChunkingPolicy DEFAULT = new ChunkingPolicy(400, 50);

    public ChunkingPolicy {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        if (overlapTokens < 0 || overlapTokens >= maxTokens) {
            throw new IllegalArgumentException("overlapTokens must be in [0, maxTokens)");
        }
    }
}
