package io.ainstruct.application.migration;

import io.ainstruct.domain.port.LegacySource;

/** Moving in from a legacy database (a SQLite file or a PostgreSQL URL): opens it, runs the migration (or a dry run) over it, and closes it. */
public final class LegacyImport {
    private final LegacySources sources;

    public LegacyImport(LegacySources sources) {
        this.sources = sources;
    }

    /** What a run into an empty database would do; needs no database at all. */
    public MigrationReport dryRun(String from, int batchSize, MigrationProgress progress) {
        try (LegacySource source = sources.open(from)) {
            return Migration.dryRun(source, batchSize, progress);
        }
    }

    public MigrationReport run(String from, Migration migration, MigrationOptions options, MigrationProgress progress) {
        try (LegacySource source = sources.open(from)) {
            return migration.run(source, options, progress);
        }
    }
}
