package io.ainstruct.adapter.legacy;

import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.port.LegacySource;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A SQLite database of the Python service, opened read-only and streamed table by table in rowid order (the order
 * the file stores them in: sequential to read, and the same on every run of an unchanged file). The collection-token
 * table is {@code cats}, or {@code api_keys} in older databases.
 */
public final class SqliteLegacySource implements LegacySource {
    private final Connection connection;
    private final String identity;
    private final LegacyMappings mappings;
    private final Map<LegacyTable, String> tableNames;

    private SqliteLegacySource(Path file) throws IOException, SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        this.identity = file.getFileName() + " size=" + Files.size(file) + " modified=" + modified;
        this.mappings = new LegacyMappings(modified, "the legacy file's modification time");
        this.tableNames = Map.of(LegacyTable.USERS, "users", LegacyTable.COLLECTIONS, "collections",
                LegacyTable.DOCUMENTS, "documents", LegacyTable.COLLECTION_TOKENS, collectionTokenTable(),
                LegacyTable.PERSONAL_TOKENS, "pat_tokens", LegacyTable.USAGE_RECORDS, "usage_records");
    }

    /** Opens {@code file} for reading; fails with a clear message when it is missing or not a legacy database. */
    public static SqliteLegacySource open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no SQLite file at " + file.toAbsolutePath());
        }
        try {
            return new SqliteLegacySource(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalArgumentException(file + " is not a SQLite database of the Python service: " + e.getMessage(), e);
        }
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public long count(LegacyTable table) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + tableNames.get(table))) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + tableNames.get(table) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void read(LegacyTable table, Consumer<SourceRow> sink) {
        String name = tableNames.get(table);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + name + " ORDER BY rowid")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            List<String> readOnlyColumns = List.copyOf(columns);
            int content = table == LegacyTable.DOCUMENTS ? readOnlyColumns.indexOf("content") : -1;
            while (rows.next()) {
                Object[] values = new Object[readOnlyColumns.size()];
                byte[] contentUtf8 = null;
                for (int i = 0; i < values.length; i++) {
                    if (i == content) {
                        contentUtf8 = rows.getBytes(i + 1);
                    } else {
                        values[i] = rows.getObject(i + 1);
                    }
                }
                sink.accept(mappings.row(table, new LegacyRow(readOnlyColumns, values, contentUtf8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private String collectionTokenTable() throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            if (!names.containsAll(List.of("users", "collections", "documents", "pat_tokens", "usage_records"))) {
                throw new SQLException("expected the tables users, collections, documents, pat_tokens, usage_records; found " + names);
            }
            if (names.contains("cats")) {
                return "cats";
            }
            if (names.contains("api_keys")) {
                return "api_keys";
            }
            throw new SQLException("neither a cats nor an api_keys table");
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the SQLite database", e);
        }
    }
}
