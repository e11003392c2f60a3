package io.ainstruct.testsupport;

import io.ainstruct.testsupport.qdrant.QdrantEmulator;
import org.testcontainers.qdrant.QdrantContainer;

/**
 * One Qdrant for all tests of a JVM, found or started on first use: the one named by {@code TEST_QDRANT_URL}, else a
 * Testcontainers {@code qdrant/qdrant} when Docker answers, else the in-process {@link QdrantEmulator}. Tests keep
 * apart by using Qdrant collections of their own (a collection prefix each).
 */
public final class TestQdrant {
    /** The Qdrant release whose API the client of this build speaks. */
    static final String IMAGE = "qdrant/qdrant:v1.17.0";
    private static volatile String url;

    private TestQdrant() {
    }

    /** The gRPC endpoint, as {@code QDRANT_URL} takes it. */
    public static String url() {
        String found = url;
        if (found == null) {
            synchronized (TestQdrant.class) {
                found = url;
                if (found == null) {
                    found = start();
                    url = found;
                }
            }
        }
        return found;
    }

    private static String start() {
        String external = System.getenv("TEST_QDRANT_URL");
        if (external != null && !external.isBlank()) {
            System.out.println("[test-qdrant] external " + external);
            return external;
        }
        if (DockerProbe.dockerAnswers()) {
            QdrantContainer container = new QdrantContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-qdrant-shutdown"));
            String grpc = "http://" + container.getGrpcHostAddress();
            System.out.println("[test-qdrant] container " + IMAGE + " at " + grpc);
            return grpc;
        }
        QdrantEmulator emulator = QdrantEmulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "test-qdrant-shutdown"));
        System.out.println("[test-qdrant] emulator at " + emulator.url() + " (no Docker engine answered)");
        return emulator.url();
    }
}
