package io.ainstruct.adapter.legacy;

import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.migration.UnknownLegacySchema;
import io.ainstruct.domain.port.LegacySource;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The PostgreSQL database of the Python service's 4.x releases, read in one read-only, repeatable-read transaction:
 * every table is counted and streamed from the same snapshot, so a service still writing cannot make the import
 * disagree with itself. Rows come in the order of their id (byte order), the same on every run of an unchanged
 * database. Only the Alembic revisions whose tables this reader knows are read; any other is refused before a row is.
 */
public final class PostgresLegacySource implements LegacySource {
    /** The revision that dropped is_active from the token tables (4.x revokes a token by deleting it). */
    static final String HEAD = "remove_token_is_active";
    /** The revision before it, whose token rows still carry is_active. */
    static final String BEFORE_HEAD = "add_usage_records";
    private static final int FETCH_SIZE = 2_000;

    private final Connection connection;
    private final String revision;
    private final Map<LegacyTable, Long> counts = new EnumMap<>(LegacyTable.class);
    private final String identity;
    private final LegacyMappings mappings;

    private PostgresLegacySource(Connection connection, String location) throws SQLException {
        this.connection = connection;
        this.revision = revision();
        for (LegacyTable table : LegacyTable.values()) {
            counts.put(table, ((Number) single("SELECT count(*) FROM " + table.targetName())).longValue());
        }
        Instant latest = latestChange();
        this.identity = "postgresql " + location + " alembic=" + revision + " rows=" + counts.values() + " latest=" + latest;
        this.mappings = new LegacyMappings(latest, "the latest timestamp of the legacy database");
    }

    /**
     * Opens the database at {@code jdbcUrl} for reading; fails with a clear message when it cannot be reached or is
     * not a database of the Python service, and with {@link UnknownLegacySchema} when its revision is not one it knows.
     */
    public static PostgresLegacySource open(String jdbcUrl, Optional<String> username, Optional<String> password) {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("readOnly", "true");
        properties.setProperty("ApplicationName", "ainstruct migrate (read-only)");
        String location = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[?].*$", "");
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot connect to the legacy PostgreSQL database " + location + ": " + e.getMessage(), e);
        }
        try {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            return new PostgresLegacySource(connection, location);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof UnknownLegacySchema unknown) {
                throw unknown;
            }
            throw new IllegalArgumentException(location + " is not a PostgreSQL database of the Python service: " + e.getMessage(), e);
        }
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public long count(LegacyTable table) {
        return counts.get(table);
    }

    @Override
    public void read(LegacyTable table, Consumer<SourceRow> sink) {
        String name = table.targetName();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery(select(table))) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                List<String> readOnlyColumns = List.copyOf(columns);
                int content = table == LegacyTable.DOCUMENTS ? readOnlyColumns.indexOf("content") : -1;
                int[] types = new int[readOnlyColumns.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = meta.getColumnType(i + 1);
                }
                while (rows.next()) {
                    Object[] values = new Object[types.length];
                    byte[] contentUtf8 = null;
                    for (int i = 0; i < values.length; i++) {
                        if (i == content) {
                            // The driver hands a text column's bytes over as the server sent them: UTF-8, not decoded.
                            contentUtf8 = rows.getBytes(i + 1);
                        } else {
                            values[i] = value(rows, i + 1, types[i]);
                        }
                    }
                    sink.accept(mappings.row(table, new LegacyRow(readOnlyColumns, values, contentUtf8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Byte order of the ids, not the database's collation: the same order whatever locale the database was made with. */
    private String select(LegacyTable table) {
        boolean tokens = table == LegacyTable.COLLECTION_TOKENS || table == LegacyTable.PERSONAL_TOKENS;
        // At the head a token that exists is active: 4.x deletes a revoked one.
        String extra = tokens && HEAD.equals(revision) ? ", true AS is_active" : "";
        return "SELECT *" + extra + " FROM " + table.targetName() + " ORDER BY id COLLATE \"C\"";
    }

    private static Object value(ResultSet rows, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> Optional.ofNullable(rows.getObject(column, java.time.OffsetDateTime.class))
                    .map(time -> time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()).orElse(null);
            case Types.ARRAY -> {
                Array array = rows.getArray(column);
                yield array == null ? null : array.getArray();
            }
            // json and jsonb arrive as driver objects: their text is what the mappings parse.
            case Types.OTHER -> rows.getString(column);
            default -> rows.getObject(column);
        };
    }

    private String revision() throws SQLException {
        if (Boolean.FALSE.equals(single("SELECT to_regclass('alembic_version') IS NOT NULL"))) {
            throw new UnknownLegacySchema("the database has no alembic_version table: it is not a PostgreSQL database of "
                    + "the Python ainstruct service 4.x (a SQLite file of an older release is imported by its path)");
        }
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        if (versions.size() != 1 || !(versions.get(0).equals(HEAD) || versions.get(0).equals(BEFORE_HEAD))) {
            throw new UnknownLegacySchema("the legacy database is at Alembic revision " + versions + "; this release reads "
                    + HEAD + " (ainstruct 4.x up to 4.24.0) and " + BEFORE_HEAD + ". Upgrade the Python service to 4.24.0 "
                    + "(alembic upgrade head) and run migrate again");
        }
        return versions.get(0);
    }

    /** The newest timestamp of the tables that keep one: stands in for a NULL timestamp, the same on every run. */
    private Instant latestChange() throws SQLException {
        Object latest = single("SELECT to_char(greatest((SELECT max(updated_at) FROM users), "
                + "(SELECT max(updated_at) FROM collections), (SELECT max(updated_at) FROM documents), "
                + "(SELECT max(updated_at) FROM usage_records)), 'YYYY-MM-DD\"T\"HH24:MI:SS.US')");
        return latest == null ? Instant.EPOCH : LocalDateTime.parse(latest.toString()).toInstant(ZoneOffset.UTC);
    }

    /** The one value {@code sql} answers. */
    private Object single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The failure that made us close is the one to report.
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the legacy PostgreSQL connection", e);
        }
    }
}
