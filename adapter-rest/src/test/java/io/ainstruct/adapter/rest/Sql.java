package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.TestDatabase;
import io.ainstruct.testsupport.server.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what the server wrote straight from PostgreSQL, so tests check the system of record, not the API's view of it. */
final class Sql {
    private final String url;
    private final String user;
    private final String password;

    Sql(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database of {@code server}, on the suite's PostgreSQL. */
    static Sql of(TestServer server) {
        return new Sql(server.databaseUrl(), TestDatabase.username(), TestDatabase.password());
    }

    long count(String query, Object... parameters) {
        return ((Number) rows(query, parameters).get(0).get(0)).longValue();
    }

    /** Every row of {@code query}, each as its column values. */
    List<List<Object>> rows(String query, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    void execute(String statementText) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(statementText);
        } catch (SQLException e) {
            throw new IllegalStateException(statementText + ": " + e.getMessage(), e);
        }
    }
}
