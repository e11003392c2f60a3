package io.ainstruct.application.migration;

import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;

import java.util.List;

/** The outcome of a migration or of its dry run. */
public record MigrationReport(String runId, boolean dryRun, List<TableReport> tables, List<Quarantined> quarantine) {

    /** A row that was (or would be) kept in quarantine instead of being stored. */
    public record Quarantined(LegacyTable table, SourceRow.Rejected row) {
    }

    public MigrationReport {
        tables = List.copyOf(tables);
        quarantine = List.copyOf(quarantine);
    }

    public boolean validated() {
        return tables.stream().allMatch(TableReport::matches);
    }

    public long quarantinedRows() {
        return tables.stream().mapToLong(TableReport::quarantined).sum();
    }
}
