package io.ainstruct.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The zero-configuration database: a PostgreSQL server started from binaries shipped in a Maven artifact, keeping its
 * files under the data directory so that everything survives a restart. Its superuser has a random password kept in
 * the data directory (readable by its owner only): any local process could otherwise connect to the TCP port.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** Password authentication on every connection, the Unix socket included. */
    private static final String PASSWORD_ONLY = """
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            String password = EmbeddedPassword.of(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setConnectConfig("password", password)
                    .start();
            requirePassword(postgres, directory, password);
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException | SQLException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * initdb (run by the library) trusts every local connection. On the first start, and on data directories made
     * before the password, the superuser gets the password and the server stops trusting; the password is ignored
     * while it still trusts, so the same connection works before and after.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password)
            throws IOException, SQLException {
        Path hba = directory.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(PASSWORD_ONLY)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hba, PASSWORD_ONLY);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * The JDBC URL of the server another process runs on this data directory, if one is up: PostgreSQL's
     * {@code postmaster.pid} names its process and, on its fourth line, its port.
     */
    public static Optional<String> runningIn(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(jdbcUrl(port, EmbeddedPassword.of(dataDir))) : Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static String jdbcUrl(int port, String password) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&password=" + password;
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort(), password);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
