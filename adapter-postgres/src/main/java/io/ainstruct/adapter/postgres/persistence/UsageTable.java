package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The usage_records table over plain JDBC: its key has three columns, and increments go in as arrays, one
 * statement for a whole batch, which Micronaut Data cannot bind. Runs on the connection of the current transaction,
 * which the caller must have opened.
 */
@Singleton
class UsageTable {
    /**
     * Rows of users deleted since their requests were counted are left out: their usage went with them, and one of
     * them must not make the whole batch fail on the foreign key.
     */
    private static final String ADD = """
            INSERT INTO usage_records (user_id, year_month, source, request_count)
            SELECT u.user_id, u.year_month, u.source, u.request_count
            FROM unnest(?, ?, ?, ?) AS u(user_id, year_month, source, request_count)
            WHERE EXISTS (SELECT 1 FROM users WHERE users.id = u.user_id)
            ON CONFLICT (user_id, year_month, source)
            DO UPDATE SET request_count = usage_records.request_count + EXCLUDED.request_count""";

    /** Newest month first; within a month, by source name. */
    private static final String HISTORY = """
            SELECT year_month, source, request_count FROM usage_records
            WHERE user_id = ?
            ORDER BY year_month DESC, source""";

    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::userId)
            .thenComparing(Key::month)
            .thenComparing(Key::source);

    private final TransactionOperations<Connection> transactions;

    UsageTable(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Increments of one key are summed first: one INSERT ... ON CONFLICT may not update a row twice. Keys go in one
     * order for every caller, so that two concurrent batches lock shared rows alike.
     */
    void add(Collection<UsageRecord> increments) {
        Map<Key, Long> sums = new TreeMap<>(KEY_ORDER);
        for (UsageRecord increment : increments) {
            sums.merge(new Key(increment.userId().value(), increment.month(), increment.source()),
                    increment.requestCount(), Long::sum);
        }
        sums.values().removeIf(count -> count == 0);
        if (sums.isEmpty()) {
            return;
        }
        UUID[] users = new UUID[sums.size()];
        String[] months = new String[sums.size()];
        String[] sources = new String[sums.size()];
        Long[] counts = new Long[sums.size()];
        int i = 0;
        for (Map.Entry<Key, Long> sum : sums.entrySet()) {
            users[i] = sum.getKey().userId();
            months[i] = sum.getKey().month().toString();
            sources[i] = sum.getKey().source().wireName();
            counts[i] = sum.getValue();
            i++;
        }
        Connection connection = transactions.getConnection();
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setArray(1, connection.createArrayOf("uuid", users));
            add.setArray(2, connection.createArrayOf("text", months));
            add.setArray(3, connection.createArrayOf("text", sources));
            add.setArray(4, connection.createArrayOf("int8", counts));
            add.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot add usage", e);
        }
    }

    List<UsageRecord> history(UserId user) {
        try (PreparedStatement select = transactions.getConnection().prepareStatement(HISTORY)) {
            select.setObject(1, user.value());
            List<UsageRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new UsageRecord(user, YearMonth.parse(rows.getString(1)),
                            EntryPoint.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)), rows.getLong(3)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read usage", e);
        }
    }

    private record Key(UUID userId, YearMonth month, EntryPoint source) {
    }
}
