package io.ainstruct.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers one benchmark starts, and the databases they run on: each started server on a fresh database (a fresh
 * embedded data directory, or a fresh database on {@code --database-url}); all stopped, and the external databases
 * dropped, at {@link #close}.
 */
final class Servers implements AutoCloseable {
    private final SharedOptions options;
    private final Path jar;
    private final ExternalDatabases databases;
    private final List<ServerProcess> running = new ArrayList<>();

    /** @param jar the server jar to run (a private copy, so that a rebuild during the run cannot swap it) */
    Servers(SharedOptions options, Path jar) {
        this.options = options;
        this.jar = jar;
        this.databases = options.databaseUrl().map(ExternalDatabases::new).orElse(null);
    }

    /** A fresh database for one server: empty for the embedded one, else a new database on the external server. */
    Optional<String> freshDatabase(String purpose) throws SQLException {
        return databases == null ? Optional.empty() : Optional.of(databases.createFresh(purpose));
    }

    /** Starts a server and waits until it is ready; on failure prints the end of its log. */
    ServerProcess start(String label, Path java, Path dataDir, Optional<String> databaseUrl, Optional<String> jwtSecret,
                        Map<String, String> env) throws IOException, InterruptedException {
        BenchLog.log("starting the %s server (%s) ...", label, java);
        ServerProcess server = ServerProcess.start(label, java, jar, options.port, dataDir, databaseUrl, jwtSecret, env);
        synchronized (running) {
            running.add(server);
        }
        try {
            server.awaitReady(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            printTail(server.log());
            throw e;
        }
        BenchLog.log("%s server ready in %.1f s on port %d (pid %d)", label, server.secondsToReady(), server.port(), server.pid());
        return server;
    }

    List<ServerProcess> started() {
        synchronized (running) {
            return List.copyOf(running);
        }
    }

    /** Stops every server (idempotent), then drops the databases this run created. */
    @Override
    public void close() {
        for (ServerProcess server : started()) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Could not stop server pid " + server.pid() + ": " + e);
            }
        }
        if (databases != null) {
            databases.dropAll().forEach(problem -> System.err.println("Could not drop " + problem));
        }
    }

    private static void printTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            System.err.println("---- last lines of " + log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
        } catch (IOException e) {
            System.err.println("(no log at " + log + ")");
        }
    }
}
