package io.ainstruct.server;

import io.ainstruct.adapter.cli.ApplicationStarter;
import io.ainstruct.bootstrap.AinstructApplication;
import io.micronaut.context.ApplicationContext;

import java.util.Optional;

/**
 * Starts the application for an operator's command, on {@code --to}/{@code --database} when given, else on what the
 * server would use ({@code DATABASE_URL}, or the embedded PostgreSQL of the data directory).
 */
final class CommandContexts implements ApplicationStarter {

    @Override
    public ApplicationContext start(Optional<String> databaseUrl, boolean reindexing) {
        // System properties are the bootstrap's documented override of DATABASE_URL; the command owns its JVM.
        databaseUrl.ifPresent(url -> System.setProperty("database.url", url));
        if (reindexing) {
            System.setProperty("ainstruct.reindexing", "true");
        }
        try {
            return AinstructApplication.startWithoutServer(Ainstruct.class);
        } finally {
            databaseUrl.ifPresent(url -> System.clearProperty("database.url"));
            System.clearProperty("ainstruct.reindexing");
        }
    }
}
