package io.ainstruct.domain.backup;

import java.time.Instant;
import java.util.List;

/** What a backup archive holds: the schema version it was taken at, and every table with its row count and checksum. */
public record ArchiveManifest(String schemaVersion, Instant takenAt, List<ArchivedTable> tables) {

    public ArchiveManifest {
        tables = List.copyOf(tables);
    }

    /** {@code sha256}: of the table's rows as archived (PostgreSQL COPY text, in primary-key order). */
    public record ArchivedTable(String name, long rows, String sha256) {
    }
}
