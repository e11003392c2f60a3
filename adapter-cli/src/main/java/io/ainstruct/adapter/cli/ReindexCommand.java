package io.ainstruct.adapter.cli;

import io.ainstruct.application.indexing.Reindexing;
import io.ainstruct.domain.collection.CollectionId;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code reindex}: rebuilds the vector index from PostgreSQL, re-embedding only what the configured model did not make. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the vector index from PostgreSQL (all documents, or one collection's). Documents without "
                + "chunks, or embedded by another model, are chunked and embedded again; after a model change every "
                + "document is, and the new model is recorded so the server starts again.")
final class ReindexCommand implements Callable<Integer> {

    @Option(names = "--collection", description = "Only this collection's documents.")
    UUID collection;

    @Option(names = "--database", description = "PostgreSQL URL; default: DATABASE_URL, else the embedded database.")
    String database;

    @Override
    public Integer call() {
        try (ApplicationContext context = Contexts.start(Optional.ofNullable(database), true);
             ReindexProgressLine progress = new ReindexProgressLine(System.out)) {
            new ReportPrinter(System.out).print(context.getBean(Reindexing.class)
                    .run(Optional.ofNullable(collection).map(CollectionId::new), progress));
            return 0;
        }
    }
}
