package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.TestDatabase;

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
import java.util.concurrent.TimeUnit;

/**
 * The server as its own operating-system process ({@code java -cp <test class path> Application}), so tests can
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
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port,
                "-Ddatasources.default.url=" + databaseUrl,
                "-Ddatasources.default.maximum-pool-size=5",
                "-Dainstruct.jwt-secret=" + RunningServer.JWT_SECRET,
                "-Dainstruct.bcrypt-cost=4",
                "-Dainstruct.registrations-per-hour=100000",
                "-Dainstruct.login-attempts-per-minute=100000"));
        if (TestDatabase.username() != null) {
            command.add("-Ddatasources.default.username=" + TestDatabase.username());
        }
        if (TestDatabase.password() != null) {
            command.add("-Ddatasources.default.password=" + TestDatabase.password());
        }
        command.add("io.ainstruct.adapter.rest.Application");
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
