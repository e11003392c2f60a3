package io.ainstruct.domain.port;

import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.migration.TableFingerprint;

import java.util.List;

/** Where a migration writes: bulk loads committed batch by batch, with the position reached, so a run can resume. */
public interface MigrationTarget {

    /**
     * How many leading rows of {@code table} of the source {@code sourceIdentity} earlier runs committed; 0 for a
     * fresh target. Throws {@code IllegalStateException} when the target holds data of anything else.
     */
    long committedRows(String sourceIdentity, LegacyTable table);

    /**
     * Prepares {@code table} for bulk loading: may set its secondary indexes and foreign keys aside, durably, until
     * {@link #finishBulkLoad}. Idempotent, so a resumed run calls it again.
     */
    void startBulkLoad(LegacyTable table);

    /** Rebuilds and checks what {@link #startBulkLoad} set aside; the table then holds every constraint again. */
    void finishBulkLoad(LegacyTable table);

    /**
     * In one transaction: stores {@code entities} (domain objects of the table), keeps {@code rejected} in
     * quarantine under {@code runId}, and records that the first {@code committedRows} rows of the table are done.
     */
    void load(String sourceIdentity, String runId, LegacyTable table, List<Object> entities,
              List<SourceRow.Rejected> rejected, long committedRows);

    /** The fingerprint of what the table holds now, computed the way {@code Fingerprints} computes it for the source. */
    TableFingerprint fingerprint(LegacyTable table);
}
