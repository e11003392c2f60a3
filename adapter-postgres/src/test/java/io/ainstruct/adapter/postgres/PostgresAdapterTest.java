package io.ainstruct.adapter.postgres;

import io.ainstruct.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Each test class gets a fresh database, migrated by Flyway, and an application context on it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PostgresAdapterTest {
    protected ApplicationContext context;
    protected Fixtures fixtures;
    private String jdbcUrl;

    @BeforeAll
    protected void startContext() {
        jdbcUrl = TestDatabase.freshDatabase();
        context = ApplicationContext.run(adapterProperties(jdbcUrl));
        fixtures = new Fixtures(context);
    }

    @AfterAll
    protected void stopContext() {
        context.close();
    }

    /** The database of this test class, for a second context (another process) on it. */
    protected String jdbcUrl() {
        return jdbcUrl;
    }

    public static Map<String, Object> adapterProperties(String jdbcUrl) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(jdbcUrl));
        properties.put("flyway.datasources.default.enabled", true);
        return properties;
    }

    /** Runs SQL the ports do not offer, on a connection of its own, outside the adapter's transactions. */
    protected int execute(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row. */
    protected Object queryValue(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    protected long count(String sql, Object... parameters) {
        return ((Number) queryValue(sql, parameters)).longValue();
    }

    /**
     * The plan PostgreSQL chooses for {@code sql} when sequential scans are made as costly as it can make them:
     * an index the query can use then shows up even in a table of a few rows.
     */
    protected String planAvoidingSequentialScans(String sql, Object... parameters) {
        try (Connection connection = connect()) {
            try (PreparedStatement noSeqScan = connection.prepareStatement("SET enable_seqscan = off")) {
                noSeqScan.execute();
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = prepare(connection, "EXPLAIN " + sql, parameters);
                 ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, TestDatabase.username(), TestDatabase.password());
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
