package io.ainstruct.testsupport;

import org.testcontainers.DockerClientFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Asks whether a Docker engine answers, without ever failing the run or holding it up for long. */
final class DockerProbe {
    private static final long TIMEOUT_SECONDS = 20;

    private DockerProbe() {
    }

    static boolean dockerAnswers() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        // A daemon thread: a probe stuck on a socket must not keep the JVM alive after the tests.
        Thread probe = new Thread(() -> {
            try {
                answer.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable e) {
                answer.complete(false);
            }
        }, "docker-probe");
        probe.setDaemon(true);
        probe.start();
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
