package io.ainstruct.bootstrap;

import io.ainstruct.adapter.postgres.vectorindex.VectorChangeLogPruner;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * With Qdrant as the index, prunes the vector change log once a minute, as the in-process index otherwise does. Its
 * condition is the one {@link VectorIndexFactory} chooses Qdrant by.
 */
@Context
@Requires(property = "ainstruct.qdrant.url", pattern = VectorIndexFactory.QDRANT_CONFIGURED)
class VectorChangeLogPruning {
    private static final Logger LOG = LoggerFactory.getLogger(VectorChangeLogPruning.class);

    private final VectorChangeLogPruner pruner;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vector-change-log-prune");
        thread.setDaemon(true);
        return thread;
    });

    VectorChangeLogPruning(VectorChangeLogPruner pruner) {
        this.pruner = pruner;
        scheduler.scheduleWithFixedDelay(this::prune, 1, 1, TimeUnit.MINUTES);
    }

    private void prune() {
        try {
            pruner.pruneExpired();
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the vector change log; trying again in a minute: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
