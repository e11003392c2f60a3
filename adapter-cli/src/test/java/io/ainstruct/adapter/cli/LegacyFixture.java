package io.ainstruct.adapter.cli;

import io.ainstruct.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Legacy SQLite databases made by the shared generator (scripts/make_legacy_sqlite.py), and target databases. */
final class LegacyFixture {
    private LegacyFixture() {
    }

    /** A legacy database with {@code documents} documents; skips the test when python3 is missing. */
    static Path generate(Path directory, int documents, boolean oldNames) throws IOException, InterruptedException {
        Path file = directory.resolve("legacy-" + documents + (oldNames ? "-old" : "") + ".sqlite");
        List<String> command = new ArrayList<>(List.of("python3", generator().toString(), file.toString(),
                "--documents", Integer.toString(documents)));
        if (oldNames) {
            command.add("--old-names");
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed, and the legacy fixtures are made with it: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the fixture generator failed: " + output);
        }
        return file;
    }

    private static Path generator() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path script = directory.resolve("scripts/make_legacy_sqlite.py");
            if (Files.exists(script)) {
                return script;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("scripts/make_legacy_sqlite.py not found above " + Path.of("").toAbsolutePath());
    }

    /** A fresh, empty PostgreSQL database, as a URL that carries its credentials. */
    static String freshTarget() {
        String url = TestDatabase.freshDatabase();
        StringBuilder withUser = new StringBuilder(url).append(url.contains("?") ? "&" : "?")
                .append("user=").append(TestDatabase.username());
        if (TestDatabase.password() != null) {
            withUser.append("&password=").append(TestDatabase.password());
        }
        return withUser.toString();
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Changes the legacy file, to give it what the generator does not make. */
    static void alterLegacy(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
