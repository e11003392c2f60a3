package io.ainstruct.adapter.cli;

import io.ainstruct.application.backup.Backups;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code restore}: loads a backup into an empty database, verifies it, and rebuilds the vector index. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Load a backup archive into an empty database in one transaction that commits only when every "
                + "table's count and checksum match the manifest; then rebuild the vector index (reindex).")
final class RestoreCommand implements Callable<Integer> {
    private final ApplicationStarter application;

    @Option(names = "--file", required = true, description = "The archive written by backup.")
    Path file;

    @Mixin
    DatabaseOption database;

    RestoreCommand(ApplicationStarter application) {
        this.application = application;
    }

    @Override
    public Integer call() {
        // As for reindex, the embedding-model guard stays off: it would record a model in the empty database first.
        try (ApplicationContext context = application.start(database.url(), true)) {
            new ReportPrinter(System.out).print("Restored and verified " + file.toAbsolutePath(),
                    context.getBean(Backups.class).restore(file));
            ReindexCommand.run(context, Optional.empty(), System.out);
            return 0;
        }
    }
}
