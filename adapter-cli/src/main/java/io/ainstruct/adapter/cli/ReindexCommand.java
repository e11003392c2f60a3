package io.ainstruct.adapter.cli;

import io.ainstruct.application.indexing.Reindexing;
import io.ainstruct.domain.collection.CollectionId;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code reindex}: rebuilds the vector index from PostgreSQL, re-embedding only what the configured model did not make. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the vector index from PostgreSQL (all documents, or one collection's). Documents without "
                + "chunks, or embedded by another model, are chunked and embedded again; after a model change every "
                + "document is, and the new model is recorded so the server starts again.")
final class ReindexCommand implements Callable<Integer> {
    private final ApplicationStarter application;

    @Option(names = "--collection", description = "Only this collection's documents.")
    UUID collection;

    @Mixin
    DatabaseOption database;

    ReindexCommand(ApplicationStarter application) {
        this.application = application;
    }

    @Override
    public Integer call() {
        try (ApplicationContext context = application.start(database.url(), true)) {
            run(context, Optional.ofNullable(collection).map(CollectionId::new), System.out);
            return 0;
        }
    }

    /** Runs the reindex use case with a progress line and prints its result; also the last step of migrate and restore. */
    static void run(ApplicationContext context, Optional<CollectionId> collection, PrintStream out) {
        try (ReindexProgressLine progress = new ReindexProgressLine(out)) {
            new ReportPrinter(out).print(context.getBean(Reindexing.class).run(collection, progress));
        }
    }
}
