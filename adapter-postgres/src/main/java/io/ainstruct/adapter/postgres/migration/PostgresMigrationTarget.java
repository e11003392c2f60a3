package io.ainstruct.adapter.postgres.migration;

import io.ainstruct.adapter.postgres.shared.JsonMetadata;
import io.ainstruct.adapter.postgres.shared.TokenColumns;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.migration.Fingerprints;
import io.ainstruct.domain.migration.ImportedDocument;
import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.migration.TableFingerprint;
import io.ainstruct.domain.port.MigrationTarget;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Loads migrated rows with COPY (PostgreSQL's bulk path) through the JDBC driver, one transaction per batch that also
 * stores the batch's quarantined rows and the table's new position in {@code migration_progress}: a batch is either
 * wholly committed with its position, or not at all, so a run killed at any moment resumes without duplicates.
 */
@Singleton
class PostgresMigrationTarget implements MigrationTarget {
    private final TransactionOperations<Connection> transactions;
    private final JsonMetadata json;

    PostgresMigrationTarget(TransactionOperations<Connection> transactions, JsonMetadata json) {
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public long committedRows(String sourceIdentity, LegacyTable table) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT source_identity, committed_rows FROM migration_progress WHERE table_name = ?")) {
                select.setString(1, table.targetName());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        if (!rows.getString(1).equals(sourceIdentity)) {
                            throw new IllegalStateException("the target database holds an import of another source ("
                                    + rows.getString(1) + "); migrate into an empty database");
                        }
                        return rows.getLong(2);
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.targetName() + ")")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    throw new IllegalStateException("the target table " + table.targetName()
                            + " already holds rows that no import put there; migrate into an empty database");
                }
            }
            return 0L;
        });
    }

    /**
     * Sets aside the table's foreign keys, unique constraints and secondary indexes (not its primary key), their
     * definitions committed first in {@code migration_deferred_definitions}. The rules across tables already kept out
     * every row those would refuse, so rebuilding them afterwards succeeds; if it does not, the definitions stay
     * stored and the error says why.
     */
    @Override
    public void startBulkLoad(LegacyTable table) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (deferredDefinitions(connection, table).isEmpty()) {
                List<Definition> definitions = catalogDefinitions(connection, table);
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO migration_deferred_definitions (table_name, ordinal, name, kind, definition)
                        VALUES (?, ?, ?, ?, ?)""");
                     Statement ddl = connection.createStatement()) {
                    for (int i = 0; i < definitions.size(); i++) {
                        Definition definition = definitions.get(i);
                        insert.setString(1, table.targetName());
                        insert.setInt(2, i);
                        insert.setString(3, definition.name());
                        insert.setString(4, definition.kind());
                        insert.setString(5, definition.definition());
                        insert.executeUpdate();
                        ddl.execute(definition.kind().equals("index") ? "DROP INDEX " + quoted(definition.name())
                                : "ALTER TABLE " + table.targetName() + " DROP CONSTRAINT " + quoted(definition.name()));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void finishBulkLoad(LegacyTable table) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (Statement ddl = connection.createStatement()) {
                for (Definition definition : deferredDefinitions(connection, table)) {
                    ddl.execute(definition.kind().equals("index") ? definition.definition()
                            : "ALTER TABLE " + table.targetName() + " ADD CONSTRAINT " + quoted(definition.name()) + " "
                            + definition.definition());
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM migration_deferred_definitions WHERE table_name = ?")) {
                delete.setString(1, table.targetName());
                delete.executeUpdate();
            }
            return null;
        });
    }

    private record Definition(String name, String kind, String definition) {
    }

    private static List<Definition> deferredDefinitions(Connection connection, LegacyTable table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT name, kind, definition FROM migration_deferred_definitions WHERE table_name = ? ORDER BY ordinal""")) {
            select.setString(1, table.targetName());
            return definitions(select);
        }
    }

    /** In creation order, so that rebuilding keeps the order unique violations are reported in. */
    private static List<Definition> catalogDefinitions(Connection connection, LegacyTable table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT name, kind, definition FROM (
                    SELECT c.oid, c.conname AS name, 'constraint' AS kind, pg_get_constraintdef(c.oid) AS definition
                    FROM pg_constraint c WHERE c.conrelid = ?::regclass AND c.contype IN ('f', 'u')
                    UNION ALL
                    SELECT i.indexrelid, ic.relname, 'index', pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE i.indrelid = ?::regclass AND NOT i.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
                ) definitions ORDER BY oid""")) {
            select.setString(1, table.targetName());
            select.setString(2, table.targetName());
            return definitions(select);
        }
    }

    private static List<Definition> definitions(PreparedStatement select) throws SQLException {
        List<Definition> definitions = new java.util.ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                definitions.add(new Definition(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return definitions;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void load(String sourceIdentity, String runId, LegacyTable table, List<Object> entities,
                     List<SourceRow.Rejected> rejected, long committedRows) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (Statement settings = connection.createStatement()) {
                // Safe here: a batch and its position commit together, so a batch lost in a server crash is loaded
                // again by the resumed run; the run no longer waits for a disk flush per batch. The commit that
                // rebuilds the table's indexes (finishBulkLoad) is synchronous and flushes every batch before it.
                settings.execute("SET LOCAL synchronous_commit = off");
            }
            if (!entities.isEmpty()) {
                copy(connection, table, entities);
            }
            quarantine(connection, runId, table, rejected);
            try (PreparedStatement progress = connection.prepareStatement("""
                    INSERT INTO migration_progress (table_name, source_identity, committed_rows) VALUES (?, ?, ?)
                    ON CONFLICT (table_name) DO UPDATE
                    SET source_identity = excluded.source_identity, committed_rows = excluded.committed_rows, updated_at = now()""")) {
                progress.setString(1, table.targetName());
                progress.setString(2, sourceIdentity);
                progress.setLong(3, committedRows);
                progress.executeUpdate();
            }
            return null;
        });
    }

    private void copy(Connection connection, LegacyTable table, List<Object> entities) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table.targetName() + " (" + columns(table) + ") FROM STDIN");
        try {
            CopyText row = new CopyText(copy);
            for (Object entity : entities) {
                write(row, entity);
                row.endRow();
            }
            row.flush();
            copy.endCopy();
        } catch (IOException e) {
            throw new DataAccessException("COPY into " + table.targetName() + " failed: " + e.getMessage(), e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static String columns(LegacyTable table) {
        return switch (table) {
            case USERS -> "id, email, username, password_hash, is_active, is_superuser, created_at, updated_at";
            case COLLECTIONS -> "id, user_id, name, created_at, updated_at";
            case DOCUMENTS -> "id, collection_id, title, content, content_hash, document_type, metadata, created_at, updated_at";
            case COLLECTION_TOKENS -> "id, collection_id, created_by, label, token_hash, permission, expires_at, last_used_at, "
                    + "is_active, created_at";
            case PERSONAL_TOKENS -> "id, user_id, label, token_hash, scopes, expires_at, last_used_at, is_active, created_at";
            case USAGE_RECORDS -> "user_id, year_month, source, request_count";
        };
    }

    private void write(CopyText row, Object entity) throws IOException {
        if (entity instanceof User user) {
            row.uuid(user.id().value()).text(user.email()).text(user.username()).text(user.passwordHash())
                    .bool(user.active()).bool(user.superuser()).timestamp(user.createdAt()).timestamp(user.updatedAt());
        } else if (entity instanceof Collection collection) {
            row.uuid(collection.id().value()).uuid(collection.ownerId().value()).text(collection.name())
                    .timestamp(collection.createdAt()).timestamp(collection.updatedAt());
        } else if (entity instanceof ImportedDocument imported) {
            Document document = imported.document();
            row.uuid(document.id().value()).uuid(document.collectionId().value()).text(document.title())
                    .utf8(imported.contentUtf8()).text(document.contentHash()).text(document.type().wireName())
                    .text(json.toJson(document.metadata())).timestamp(document.createdAt()).timestamp(document.updatedAt());
        } else if (entity instanceof CollectionAccessToken token) {
            row.uuid(token.id()).uuid(token.collectionId().value()).uuid(token.createdBy().value()).text(token.label())
                    .text(token.tokenHash()).text(TokenColumns.permissionName(token.permission())).timestamp(token.expiresAt())
                    .timestamp(token.lastUsedAt()).bool(token.active()).timestamp(token.createdAt());
        } else if (entity instanceof PersonalAccessToken token) {
            row.uuid(token.id()).uuid(token.userId().value()).text(token.label()).text(token.tokenHash())
                    .text("{" + String.join(",", TokenColumns.scopeNames(token.scopes())) + "}").timestamp(token.expiresAt())
                    .timestamp(token.lastUsedAt()).bool(token.active()).timestamp(token.createdAt());
        } else if (entity instanceof UsageRecord usage) {
            row.uuid(usage.userId().value()).text(usage.month().toString()).text(usage.source().wireName())
                    .number(usage.requestCount());
        } else {
            throw new IllegalArgumentException("not a migrated entity: " + entity.getClass());
        }
    }

    private static void quarantine(Connection connection, String runId, LegacyTable table,
                                   List<SourceRow.Rejected> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO migration_quarantine (run_id, table_name, source_key, raw_row, reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (table_name, source_key) DO NOTHING""")) {
            for (SourceRow.Rejected row : rejected) {
                insert.setObject(1, UUID.fromString(runId));
                insert.setString(2, table.targetName());
                insert.setString(3, row.sourceKey());
                // The raw row is JSON text; U+0000 in it is escaped already, so PostgreSQL text can hold it.
                insert.setString(4, row.raw());
                insert.setString(5, row.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public TableFingerprint fingerprint(LegacyTable table) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(fingerprintQuery(table))) {
                select.setFetchSize(2_000);
                TableFingerprint fingerprint = TableFingerprint.EMPTY;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        fingerprint = fingerprint.plus(fingerprintOf(table, rows));
                    }
                }
                return fingerprint;
            }
        });
    }

    private static String fingerprintQuery(LegacyTable table) {
        if (table == LegacyTable.DOCUMENTS) {
            // The content's digest is computed where the content is, rather than shipping every document back.
            return "SELECT id, collection_id, title, content_hash, document_type, metadata::text, created_at, updated_at, "
                    + "encode(sha256(convert_to(content, 'UTF8')), 'hex') FROM documents";
        }
        return "SELECT " + columns(table) + " FROM " + table.targetName();
    }

    private long fingerprintOf(LegacyTable table, ResultSet row) throws SQLException {
        return switch (table) {
            case USERS -> Fingerprints.of(new User(new UserId(uuid(row, 1)), row.getString(2), row.getString(3),
                    row.getString(4), row.getBoolean(5), row.getBoolean(6), instant(row, 7), instant(row, 8)));
            case COLLECTIONS -> Fingerprints.of(new Collection(new CollectionId(uuid(row, 1)), new UserId(uuid(row, 2)),
                    row.getString(3), instant(row, 4), instant(row, 5)));
            case DOCUMENTS -> Fingerprints.of(new Document(new DocumentId(uuid(row, 1)), new CollectionId(uuid(row, 2)),
                    row.getString(3), null, row.getString(4), DocumentType.parse("document_type", row.getString(5)),
                    json.fromJson(row.getString(6)), instant(row, 7), instant(row, 8)), row.getString(9));
            case COLLECTION_TOKENS -> Fingerprints.of(new CollectionAccessToken(uuid(row, 1), new CollectionId(uuid(row, 2)),
                    new UserId(uuid(row, 3)), row.getString(4), row.getString(5),
                    Permission.parse("permission", row.getString(6)), instant(row, 7), instant(row, 8),
                    row.getBoolean(9), instant(row, 10)));
            case PERSONAL_TOKENS -> Fingerprints.of(new PersonalAccessToken(uuid(row, 1), new UserId(uuid(row, 2)),
                    row.getString(3), row.getString(4), TokenColumns.scopes((String[]) row.getArray(5).getArray()),
                    instant(row, 6), instant(row, 7), row.getBoolean(8), instant(row, 9)));
            case USAGE_RECORDS -> Fingerprints.of(new UsageRecord(new UserId(uuid(row, 1)), YearMonth.parse(row.getString(2)),
                    EntryPoint.valueOf(row.getString(3).toUpperCase(Locale.ROOT)), row.getLong(4)));
        };
    }

    private static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
