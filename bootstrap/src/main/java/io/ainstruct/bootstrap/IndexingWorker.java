package io.ainstruct.bootstrap;

import io.ainstruct.application.indexing.IndexingRelay;
import io.ainstruct.domain.port.IndexingOutbox;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs the indexing relay in the background for as long as the server runs: right after a commit when this process
 * made the change, and at least once a second to pick up retries and other instances' changes.
 */
@Context
@Requires(property = "ainstruct.indexing.worker.enabled", notEquals = "false")
class IndexingWorker {
    private static final Logger LOG = LoggerFactory.getLogger(IndexingWorker.class);
    private static final int BATCH = 100;
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final IndexingRelay relay;
    private final IndexingOutbox outbox;
    private final Thread thread;

    IndexingWorker(IndexingRelay relay, IndexingOutbox outbox) {
        this.relay = relay;
        this.outbox = outbox;
        this.thread = new Thread(this::loop, "indexing-relay");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (relay.relayBatch(BATCH) == 0) {
                    outbox.awaitNewEvents(IDLE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Indexing relay failed; retrying shortly: {}", e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(IDLE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
