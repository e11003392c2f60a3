package io.ainstruct.application.migration;

import io.ainstruct.domain.migration.LegacyTable;

/** Hears how far a migration got: a progress bar on a terminal, log lines elsewhere. */
public interface MigrationProgress {

    void tableStarted(LegacyTable table, long rows);

    /** {@code rows} more rows read, {@code bytes} bytes of them. */
    void advanced(LegacyTable table, long rows, long bytes);

    void tableFinished(LegacyTable table);

    /** A step after loading (validation), announced before it runs. */
    void step(String description);
}
