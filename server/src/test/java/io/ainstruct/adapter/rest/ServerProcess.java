package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServerProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as its own operating-system process ({@code java -cp <test class path> io.ainstruct.server.Ainstruct}, which serves), so tests can
 * send it real signals. Its output goes to {@code target/<name>.log}.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server on {@code databaseUrl} and waits until it answers {@code /health}. */
    static ServerProcess start(String name, String databaseUrl) {
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(TestServerProperties.asJvmOptions(databaseUrl, Map.of("micronaut.server.port", port)));
        command.add("io.ainstruct.server.Ainstruct");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServerProcess server = new ServerProcess(process, port, log);
            Concurrently.await(name + " answering /health (see " + log + ")", Duration.ofSeconds(120), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
                }
                return server.answers();
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server on {@code databaseUrl}, given as {@code DATABASE_URL} as an operator gives it, with the test
     * properties and then {@code extra} ({@code ""} unsets one), and waits for it to exit, polling {@code /health}
     * all the while: for servers that must refuse to start.
     */
    static Refusal expectRefusal(String name, String databaseUrl, Map<String, Object> extra) {
        int port = freePort();
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("micronaut.server.port", port));
        properties.putAll(extra);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(TestServerProperties.asJvmOptions(databaseUrl, properties).stream()
                .filter(option -> !option.startsWith("-Ddatasources.default.url=")).toList());
        command.add("io.ainstruct.server.Ainstruct");
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("DATABASE_URL", databaseUrl);
            builder.environment().remove("AINSTRUCT_JWT_SECRET");
            builder.environment().remove("AINSTRUCT_DEV_MODE");
            Process process = builder.start();
            ServerProcess server = new ServerProcess(process, port, log);
            boolean answered = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                answered |= server.answers();
                if (answered || System.nanoTime() > deadline) {
                    server.kill();
                }
            }
            return new Refusal(process.exitValue(), answered, Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How a server that was to refuse ended: its exit code, whether it ever answered, and what it wrote. */
    record Refusal(int exitCode, boolean answeredHealth, String output) {
    }

    Api api() {
        return new Api(uri());
    }

    URI uri() {
        return URI.create("http://localhost:" + port);
    }

    /** Whether a new connection (not one kept alive from earlier requests) gets an answer to {@code GET /health}. */
    boolean answers() {
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            return fresh.send(HttpRequest.newBuilder(uri().resolve("/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException refused) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the process ends at once, with no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the process is asked to stop. */
    void terminate() {
        process.destroy();
    }

    int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit within 60 s; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Never leaves a server behind, whatever the test did to it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
