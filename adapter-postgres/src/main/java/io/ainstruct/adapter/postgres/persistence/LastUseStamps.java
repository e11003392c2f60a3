package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records when tokens were last used, many in one UPDATE over two arrays (ids, times), in plain JDBC because
 * Micronaut Data binds no arrays of uuid or timestamptz. A time never replaces a later one, and rows already as
 * recent are not written at all. Runs on the connection of the current transaction, which the caller must have opened.
 */
@Singleton
class LastUseStamps {
    /** The tables whose tokens carry a last_used_at; the only names ever put into the statement. */
    enum TokenTable {
        PAT_TOKENS("pat_tokens"), CATS("cats");

        private final String sql;

        TokenTable(String tableName) {
            sql = """
                    UPDATE %s AS t SET last_used_at = u.used_at
                    FROM unnest(?, ?) AS u(id, used_at)
                    WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.used_at)"""
                    .formatted(tableName);
        }
    }

    private final TransactionOperations<Connection> transactions;

    LastUseStamps(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Ids in one order for every caller, so that two concurrent batches tend to lock shared rows alike. */
    void record(TokenTable table, Map<UUID, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        Map<UUID, Instant> sorted = new TreeMap<>(lastUsed);
        UUID[] ids = sorted.keySet().toArray(UUID[]::new);
        // ISO-8601 with its zone: the server parses each element as timestamptz, whatever the session's time zone.
        String[] times = sorted.values().stream().map(Instant::toString).toArray(String[]::new);
        Connection connection = transactions.getConnection();
        try (PreparedStatement update = connection.prepareStatement(table.sql)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("timestamptz", times));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(
                    "cannot record the last use of " + table.name().toLowerCase(Locale.ROOT) + " tokens", e);
        }
    }
}
