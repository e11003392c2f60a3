package io.ainstruct.domain.port;

import io.ainstruct.domain.backup.ArchiveManifest;

import java.nio.file.Path;

/** A consistent, checksummed archive of everything the database holds (derived and transient tables aside). */
public interface DatabaseArchive {

    /** Writes every table as of one snapshot to {@code file}. */
    ArchiveManifest write(Path file);

    /**
     * Loads {@code file} into this database, which must hold no data, in one transaction that commits only when every
     * table's checksum and count match the manifest, read back from the database. Throws {@code IllegalStateException}
     * with the reason otherwise, leaving the database as it was.
     */
    ArchiveManifest restore(Path file);
}
