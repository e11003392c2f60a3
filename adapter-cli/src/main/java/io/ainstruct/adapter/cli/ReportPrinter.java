package io.ainstruct.adapter.cli;

import io.ainstruct.application.indexing.ReindexResult;
import io.ainstruct.application.migration.MigrationReport;
import io.ainstruct.application.migration.TableReport;
import io.ainstruct.domain.backup.ArchiveManifest;
import io.ainstruct.domain.migration.TableFingerprint;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a migration report: counts and checksums per table, the coercions applied, the rows quarantined. */
final class ReportPrinter {
    private static final int QUARANTINE_LINES = 200;

    private final PrintStream out;

    ReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(MigrationReport report) {
        out.println();
        out.println(report.dryRun() ? "DRY RUN: nothing was written. A run into an empty database would do this:"
                : "Migration run " + report.runId() + ":");
        out.printf(Locale.ROOT, "%-14s %9s %9s %11s %9s %9s  %-16s %-16s %s%n", "table", "source", "loaded",
                "quarantined", "resumed", "MB", "source checksum", "target checksum", report.dryRun() ? "" : "valid");
        for (TableReport table : report.tables()) {
            String target = table.target().map(ReportPrinter::checksum).orElse("-");
            out.printf(Locale.ROOT, "%-14s %9d %9d %11d %9d %9.1f  %-16s %-16s %s%n", table.table().targetName(),
                    table.sourceRows(), table.accepted(), table.quarantined(), table.alreadyCommitted(), table.bytes() / 1e6,
                    checksum(table.source()), target, report.dryRun() ? "" : table.matches() ? "yes" : "NO");
        }
        boolean anyCoercion = report.tables().stream().anyMatch(table -> !table.coercions().isEmpty());
        if (anyCoercion) {
            out.println();
            out.println("Coercions applied (rule: rows):");
            for (TableReport table : report.tables()) {
                table.coercions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(rule ->
                        out.printf(Locale.ROOT, "  %s.%s: %d%n", table.table().targetName(), rule.getKey(), rule.getValue()));
            }
        }
        if (!report.quarantine().isEmpty()) {
            out.println();
            out.println((report.dryRun() ? "Rows that would be quarantined (" : "Rows quarantined in migration_quarantine (")
                    + report.quarantine().size() + "):");
            report.quarantine().stream().limit(QUARANTINE_LINES).forEach(row -> out.printf(Locale.ROOT, "  %s %s: %s%n",
                    row.table().targetName(), row.row().sourceKey(), row.row().reason()));
            if (report.quarantine().size() > QUARANTINE_LINES) {
                out.println("  ... and " + (report.quarantine().size() - QUARANTINE_LINES) + " more");
            }
        }
        if (!report.dryRun()) {
            out.println();
            out.println(report.validated() ? "Validation: every table's count and checksum match the source."
                    : "Validation FAILED: the target differs from the source in the tables marked NO.");
        }
    }

    void print(ReindexResult result) {
        out.printf(Locale.ROOT, "Reindexed %d documents with %s: %d chunked and embedded, %d from stored embeddings; "
                + "%d vectors indexed.%n", result.documents(), result.model(), result.reembedded(), result.reused(), result.points());
    }

    void print(String title, ArchiveManifest manifest) {
        out.println(title + " (schema version " + manifest.schemaVersion() + ", taken at " + manifest.takenAt() + "):");
        out.printf(Locale.ROOT, "%-32s %10s  %s%n", "table", "rows", "sha256");
        manifest.tables().forEach(table -> out.printf(Locale.ROOT, "%-32s %10d  %s%n", table.name(), table.rows(), table.sha256()));
    }

    private static String checksum(TableFingerprint fingerprint) {
        return fingerprint.checksumHex();
    }
}
