package io.ainstruct.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The REST server as a separate process: {@code java -jar ainstruct-rest.jar} on a free port, its embedded PostgreSQL
 * (or the external database it is given) in a data directory of ours. Stopped by its own pid, never by name.
 */
final class ServerProcess implements AutoCloseable {
    private final String label;
    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Api api;
    private final long startedNanos;
    static final Duration GRACE = Duration.ofSeconds(15);

    private double secondsToReady = Double.NaN;
    private volatile boolean killed;

    private ServerProcess(String label, Process process, Path dataDir, Path log, int port, long startedNanos) {
        this.label = label;
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
        this.api = new Api("http://127.0.0.1:" + port);
    }

    /**
     * @param requestedPort 0 for a free port
     * @param databaseUrl empty for the embedded PostgreSQL in {@code dataDir}
     * @param extraEnv    more settings, e.g. chunk sizes
     */
    static ServerProcess start(String label, Path java, Path jar, int requestedPort, Path dataDir, Optional<String> databaseUrl,
                               Optional<String> jwtSecret, Map<String, String> extraEnv) throws IOException {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + label + ".log");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // Only what we set decides where the data goes.
        env.remove("DATABASE_URL");
        env.remove("DATASOURCES_DEFAULT_URL");
        env.remove("AINSTRUCT_JWT_SECRET");
        env.put("AINSTRUCT_DATA_DIR", dataDir.toString());
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        databaseUrl.ifPresent(url -> env.put("DATABASE_URL", url));
        jwtSecret.ifPresent(secret -> env.put("AINSTRUCT_JWT_SECRET", secret));
        env.putAll(extraEnv);
        long started = System.nanoTime();
        Process process = builder.start();
        return new ServerProcess(label, process, dataDir, log, port, started);
    }

    Api api() {
        return api;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    double secondsToReady() {
        return secondsToReady;
    }

    long pid() {
        return process.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + label + " server exited with " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                if (api.get("/health/ready").status() == 200) {
                    secondsToReady = (System.nanoTime() - started()) / 1e9;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The " + label + " server was not ready within " + timeout + "; see " + log);
    }

    private long started() {
        return startedNanos;
    }

    JsonNode readiness() throws IOException, InterruptedException {
        return api.get("/health/ready").body();
    }

    /** Waits until the vector index holds every stored chunk ({@code vector_index.figures.backlog == 0}); returns seconds waited. */
    double awaitBacklogZero(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            JsonNode figures = readiness().path("vector_index").path("figures");
            if (figures.has("backlog") && figures.get("backlog").asLong() == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The vector index still has a backlog after " + timeout + ": " + figures);
            }
            Thread.sleep(200);
        }
    }

    long indexedPoints() throws IOException, InterruptedException {
        return readiness().path("vector_index").path("figures").path("points").asLong(-1);
    }

    /** CPU seconds used so far by the server JVM. */
    double jvmCpuSeconds() {
        return Cpu.process(process.pid()).orElse(Double.NaN);
    }

    /** CPU seconds used so far by the embedded PostgreSQL (postmaster and running backends); NaN for an external one. */
    double postgresCpuSeconds() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Double.NaN;
        }
        return Cpu.tree(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).orElse(Double.NaN);
    }

    /** The embedded PostgreSQL's port, from its {@code postmaster.pid} (4th line), while it runs. */
    Optional<Integer> embeddedPostgresPort() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() >= 4 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    /** Whether the server had to be killed because it did not exit within the grace period after SIGTERM. */
    boolean killed() {
        return killed;
    }

    String label() {
        return label;
    }

    /** SIGTERM, up to {@link #GRACE} to exit, then SIGKILL; then its embedded PostgreSQL if it was left running. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                killed = true;
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        stopOrphanedPostgres();
    }

    /** If the server died without stopping its embedded PostgreSQL, stop that postmaster (by the pid it wrote). */
    private void stopOrphanedPostgres() throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent() && postmaster.get().isAlive()
                && postmaster.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
            postmaster.get().destroy();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (postmaster.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
