package io.ainstruct.application.migration;

import io.ainstruct.domain.port.LegacySource;

import java.nio.file.Path;

/** Moving in from a legacy database file: opens it, runs the migration (or a dry run) over it, and closes it. */
public final class LegacyImport {
    private final LegacyFiles files;

    public LegacyImport(LegacyFiles files) {
        this.files = files;
    }

    /** What a run into an empty database would do; needs no database at all. */
    public MigrationReport dryRun(Path file, int batchSize, MigrationProgress progress) {
        try (LegacySource source = files.open(file)) {
            return Migration.dryRun(source, batchSize, progress);
        }
    }

    public MigrationReport run(Path file, Migration migration, MigrationOptions options, MigrationProgress progress) {
        try (LegacySource source = files.open(file)) {
            return migration.run(source, options, progress);
        }
    }
}
