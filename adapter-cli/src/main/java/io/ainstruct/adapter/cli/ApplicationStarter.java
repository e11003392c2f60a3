package io.ainstruct.adapter.cli;

import io.micronaut.context.ApplicationContext;

import java.util.Optional;

/** Starts the application a command works on. The launcher provides it, so the CLI knows no composition root. */
@FunctionalInterface
public interface ApplicationStarter {

    /**
     * @param databaseUrl the PostgreSQL to work on; empty: the one the server would use
     * @param reindexing  whether this process rebuilds the vector index (the start-up embedding-model guard stays off)
     */
    ApplicationContext start(Optional<String> databaseUrl, boolean reindexing);
}
