package io.ainstruct.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh databases on an external PostgreSQL, one per server phase, dropped at the end. Only databases this run created
 * (named {@code ainstruct_bench_<time>_<random>}) are ever dropped; the database named in the URL is only used to
 * connect.
 */
final class ExternalDatabases {
    private static final Pattern JDBC = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String adminUrl;
    private final List<String> created = new ArrayList<>();

    ExternalDatabases(String adminUrl) {
        if (!JDBC.matcher(adminUrl).matches()) {
            throw new IllegalArgumentException("--database-url must look like jdbc:postgresql://host:port/db?user=...: " + adminUrl);
        }
        this.adminUrl = adminUrl;
    }

    /** Creates a new, empty database and returns its JDBC URL (the admin URL with the database name replaced). */
    synchronized String createFresh(String purpose) throws SQLException {
        String name = "ainstruct_bench_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + System.currentTimeMillis() / 1000 + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        created.add(name);
        Matcher m = JDBC.matcher(adminUrl);
        m.matches();
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    /** Drops what {@link #createFresh} made; the servers using them must be stopped first. */
    synchronized List<String> dropAll() {
        List<String> problems = new ArrayList<>();
        for (String name : List.copyOf(created)) {
            try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                created.remove(name);
            } catch (SQLException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
