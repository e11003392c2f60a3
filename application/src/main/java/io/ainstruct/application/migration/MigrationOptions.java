package io.ainstruct.application.migration;

import io.ainstruct.domain.error.InvalidInput;

/** {@code batchSize}: rows per transaction. A dry run reads everything and writes nothing. */
public record MigrationOptions(int batchSize, boolean dryRun) {
    public static final int DEFAULT_BATCH_SIZE = 2_000;

    public MigrationOptions {
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new InvalidInput("batch-size", "must be between 1 and 1000000");
        }
    }
}
