package io.ainstruct.adapter.cli;

import io.ainstruct.application.migration.LegacyImport;
import io.ainstruct.application.migration.Migration;
import io.ainstruct.application.migration.MigrationOptions;
import io.ainstruct.application.migration.MigrationReport;
import io.ainstruct.domain.migration.UnknownLegacySchema;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrate}: imports a database of the Python service (a SQLite file, or its 4.x PostgreSQL), then builds
 * chunks and vectors (reindex).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Import a database of the Python ainstruct service (SQLite file or 4.x PostgreSQL) into PostgreSQL.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:imported and validated", "1:failed (nothing is lost: run it again to resume)",
                "2:rows were quarantined (see the report; --accept-quarantine to accept)",
                "3:validation found the target different from the source",
                "4:the legacy database is at a schema version this release does not read (nothing was imported)"})
final class MigrateCommand implements Callable<Integer> {
    static final int QUARANTINE = 2;
    static final int INVALID = 3;
    static final int UNKNOWN_SCHEMA = 4;

    private final ApplicationStarter application;
    private final LegacyImport legacyImport;

    @Option(names = "--from", required = true, description = "The legacy SQLite file, or the PostgreSQL URL of a Python "
            + "ainstruct 4.x (postgresql[+asyncpg|+psycopg]://user:pass@host:port/db?sslmode=..., postgres://, jdbc:postgresql:); "
            + "read only.")
    String from;

    @Option(names = "--to", description = "PostgreSQL URL (postgres://user:pass@host:port/db or jdbc:postgresql:...); "
            + "default: DATABASE_URL, else the embedded database of the data directory.")
    String to;

    @Option(names = "--dry-run", description = "Read everything and report what would be written; write nothing.")
    boolean dryRun;

    @Option(names = "--accept-quarantine", description = "Exit 0 even when rows were quarantined.")
    boolean acceptQuarantine;

    @Option(names = "--batch-size", defaultValue = "" + MigrationOptions.DEFAULT_BATCH_SIZE,
            description = "Rows per transaction (default ${DEFAULT-VALUE}); a batch also ends at 64 MB.")
    int batchSize;

    @Option(names = "--skip-reindex", description = "Do not build chunks and vectors afterwards (run reindex later).")
    boolean skipReindex;

    MigrateCommand(ApplicationStarter application, LegacyImport legacyImport) {
        this.application = application;
        this.legacyImport = legacyImport;
    }

    @Override
    public Integer call() {
        try {
            return migrate(System.out);
        } catch (UnknownLegacySchema unknown) {
            System.err.println("error: " + unknown.getMessage());
            return UNKNOWN_SCHEMA;
        }
    }

    private int migrate(PrintStream out) {
        MigrationOptions options = new MigrationOptions(batchSize, dryRun);
        if (dryRun) {
            MigrationReport report = legacyImport.dryRun(from, batchSize, new MigrationProgressLines(out));
            new ReportPrinter(out).print(report);
            return exitCode(report);
        }
        try (ApplicationContext context = application.start(Optional.ofNullable(to), false)) {
            long started = System.nanoTime();
            MigrationReport report = legacyImport.run(from, context.getBean(Migration.class), options,
                    new MigrationProgressLines(out));
            new ReportPrinter(out).print(report);
            out.printf(java.util.Locale.ROOT, "Loaded and validated in %.2f s%n", (System.nanoTime() - started) / 1e9);
            if (report.validated() && !skipReindex) {
                ReindexCommand.run(context, Optional.empty(), out);
            }
            return exitCode(report);
        }
    }

    private int exitCode(MigrationReport report) {
        if (!report.validated()) {
            return INVALID;
        }
        return report.quarantinedRows() > 0 && !acceptQuarantine ? QUARANTINE : 0;
    }
}
