package io.ainstruct.application.backup;

import io.ainstruct.domain.backup.ArchiveManifest;
import io.ainstruct.domain.port.DatabaseArchive;

import java.nio.file.Path;

/**
 * Backing up the system of record and restoring it into an empty database. The vector index is not archived: it is
 * rebuilt from PostgreSQL (reindex), which holds every chunk's embedding.
 */
public final class Backups {
    private final DatabaseArchive archive;

    public Backups(DatabaseArchive archive) {
        this.archive = archive;
    }

    public ArchiveManifest backup(Path file) {
        return archive.write(file);
    }

    public ArchiveManifest restore(Path file) {
        return archive.restore(file);
    }
}
