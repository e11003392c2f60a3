package io.ainstruct.adapter.cli;

import io.ainstruct.testsupport.LegacySqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Legacy SQLite databases and target databases for the CLI's tests, and SQL on both. */
final class LegacyFixture {
    private LegacyFixture() {
    }

    static Path generate(Path directory, int documents, boolean oldNames) throws IOException, InterruptedException {
        return LegacySqlite.generate(directory, documents, oldNames);
    }

    static String freshTarget() {
        return LegacySqlite.freshDatabaseUrl();
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
