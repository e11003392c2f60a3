package io.ainstruct.bootstrap;

import io.ainstruct.application.usage.ActivityRecorder;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Writes request counts and token last-use times every few seconds, and once more on shutdown. */
@Context
class ActivityFlusher {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityFlusher.class);

    private final ActivityRecorder recorder;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "activity-flush");
        thread.setDaemon(true);
        return thread;
    });

    ActivityFlusher(ActivityRecorder recorder, AinstructSettings settings) {
        this.recorder = recorder;
        long millis = settings.getActivityFlushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void flush() {
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not write usage counts; keeping them for the next try: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        flush();
    }
}
