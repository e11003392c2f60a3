package io.ainstruct.adapter.cli;

import io.ainstruct.application.migration.MigrationProgress;
import io.ainstruct.domain.migration.LegacyTable;

import java.io.PrintStream;

/** One progress line per table of a migration. */
final class MigrationProgressLines implements MigrationProgress {
    private final PrintStream log;
    private ProgressLine current;

    MigrationProgressLines(PrintStream log) {
        this.log = log;
    }

    @Override
    public void tableStarted(LegacyTable table, long rows) {
        current = ProgressLine.start(table.targetName(), rows, "rows", log);
    }

    @Override
    public void advanced(LegacyTable table, long rows, long bytes) {
        current.advance(rows, bytes);
    }

    @Override
    public void tableFinished(LegacyTable table) {
        current.close();
    }

    @Override
    public void step(String description) {
        log.println(description);
    }
}
