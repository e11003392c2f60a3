package io.ainstruct.application.migration;

import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.TableFingerprint;

import java.util.Map;
import java.util.Optional;

/**
 * What happened to one table: rows read, rows stored (or, in a dry run, that would be), rows quarantined, rows an
 * earlier interrupted run had already committed, the coercions applied (rule to count), and the fingerprints of the
 * accepted source rows and of the target after loading (empty in a dry run).
 */
public record TableReport(LegacyTable table, long sourceRows, long accepted, long quarantined, long alreadyCommitted,
                          long bytes, Map<String, Long> coercions, TableFingerprint source,
                          Optional<TableFingerprint> target) {

    public TableReport {
        coercions = Map.copyOf(coercions);
    }

    /** True when the target holds exactly the accepted rows; also true in a dry run, which validates nothing. */
    public boolean matches() {
        return target.map(source::equals).orElse(true);
    }
}
