package io.ainstruct.adapter.cli;

import io.ainstruct.application.indexing.ReindexProgress;

import java.io.PrintStream;

/** The progress line of a reindex, in documents. */
final class ReindexProgressLine implements ReindexProgress, AutoCloseable {
    private final PrintStream log;
    private ProgressLine line;

    ReindexProgressLine(PrintStream log) {
        this.log = log;
    }

    @Override
    public void started(long documents) {
        line = ProgressLine.start("reindex", documents, "documents", log);
    }

    @Override
    public void advanced(long documents) {
        line.advance(documents, 0);
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
        }
    }
}
