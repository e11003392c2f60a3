package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The log of vector changes ({@code vector_changes}): how every process's {@link InProcessVectorIndex} learns what
 * the others changed.
 * <p>
 * A reader's place in the log is a {@link Position}: the PostgreSQL snapshot it last read the log with. Every row
 * that snapshot could see has been applied; the rows still to apply are exactly those of the transactions it could
 * not see (running then, or begun since), found by their {@code txid}. The highest seq seen is kept only to notice
 * pruning. Reads run on a connection of their own, outside any transaction of the caller, so a caller's uncommitted
 * writes never reach an index.
 */
@Singleton
@TranslatesDatabaseFailures
public class VectorChanges {
    /** How long change rows are kept: a reader away for longer reloads. Must exceed the longest write transaction. */
    static final Duration RETENTION = Duration.ofHours(1);

    /** Parameters: the position's snapshot, twice. */
    static final String CHECK = """
            SELECT pg_current_snapshot()::text,
                   (SELECT through_seq FROM vector_changes_pruned),
                   coalesce((SELECT txid FROM vector_changes ORDER BY txid DESC LIMIT 1)
                                >= pg_snapshot_xmax(CAST(? AS pg_snapshot)), false)
                       OR EXISTS (SELECT FROM pg_snapshot_xip(CAST(? AS pg_snapshot)) AS running (xid),
                                  LATERAL (SELECT FROM vector_changes WHERE txid = running.xid LIMIT 1) AS wrote)""";
    /** Parameters: the position's snapshot, twice, and the suspects (uuid[]). The first row carries the snapshot. */
    static final String SINCE = """
            SELECT NULL::bigint, NULL::uuid, NULL::uuid, pg_current_snapshot()::text,
                   (SELECT through_seq FROM vector_changes_pruned)
            UNION ALL
            SELECT seq, document_id, collection_id, NULL, NULL
            FROM vector_changes
            WHERE txid >= pg_snapshot_xmax(CAST(? AS pg_snapshot))
               OR txid = ANY (ARRAY(SELECT pg_snapshot_xip(CAST(? AS pg_snapshot))))
               OR coalesce(document_id, collection_id) = ANY (?)""";

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    VectorChanges(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    /**
     * Where a reader stands. {@code snapshot}: every row it could see has been applied. {@code seq}: the highest seq
     * applied (or known pruned); rows above it were never seen.
     */
    record Position(String snapshot, long seq) {
    }

    /** The answer to the check before a search: nothing new (at a later position), or something, or a gap. */
    record Check(Position quietPosition, boolean changed, long prunedThrough) {
    }

    /** Rows to apply, and the position once they are. */
    record News(Position position, Set<DocumentId> documents, Set<CollectionId> collections, long prunedThrough) {
    }

    /** Joins the caller's transaction: the row commits, or vanishes, with the change it records. */
    public void documentChanged(DocumentId id) {
        append("INSERT INTO vector_changes (document_id) VALUES (?)", id.value());
    }

    /** Joins the caller's transaction, as {@link #documentChanged}. */
    public void collectionDropped(CollectionId id) {
        append("INSERT INTO vector_changes (collection_id) VALUES (?)", id.value());
    }

    /** The position of a reader that is about to load every point: take it before the load, so nothing is missed. */
    Position start() {
        return read("""
                SELECT pg_current_snapshot()::text,
                       greatest(coalesce((SELECT max(seq) FROM vector_changes), 0),
                                (SELECT through_seq FROM vector_changes_pruned))""", select -> {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Position(row.getString(1), row.getLong(2));
            }
        });
    }

    /**
     * The cheap question asked before every search: has any transaction that {@code since} could not see written a
     * row? One probe of the txid index for the newest row, one per transaction that was running then (usually
     * none), and the one-row pruning mark; the plan does not depend on the values bound, so PostgreSQL caches it.
     */
    Check check(Position since) {
        return read(CHECK, select -> {
            select.setString(1, since.snapshot());
            select.setString(2, since.snapshot());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Check(new Position(row.getString(1), since.seq()), row.getBoolean(3), row.getLong(2));
            }
        });
    }

    /**
     * The rows written by transactions {@code since} could not see, plus every row on record about {@code suspects}
     * (document or collection ids whose points were written by someone else than the log, and may be stale).
     */
    News since(Position since, Collection<UUID> suspects) {
        return read(SINCE, select -> {
            select.setString(1, since.snapshot());
            select.setString(2, since.snapshot());
            select.setArray(3, select.getConnection().createArrayOf("uuid", suspects.toArray()));
            String snapshot = null;
            long prunedThrough = 0;
            long seq = since.seq();
            Set<DocumentId> documents = new HashSet<>();
            Set<CollectionId> collections = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String rowSnapshot = rows.getString(4);
                    if (rowSnapshot != null) {
                        snapshot = rowSnapshot;
                        prunedThrough = rows.getLong(5);
                        continue;
                    }
                    seq = Math.max(seq, rows.getLong(1));
                    UUID document = rows.getObject(2, UUID.class);
                    if (document != null) {
                        documents.add(new DocumentId(document));
                    } else {
                        collections.add(new CollectionId(rows.getObject(3, UUID.class)));
                    }
                }
            }
            return new News(new Position(snapshot, seq), documents, collections, prunedThrough);
        });
    }

    /**
     * Deletes the rows older than {@code retention} and records how far it went, in one statement. Several processes
     * may prune at once: the deletes skip what another already took, and the mark only moves up.
     *
     * @return the number of rows deleted
     */
    int prune(Duration retention) {
        return connections.execute(ConnectionDefinition.REQUIRES_NEW, status -> {
            try (PreparedStatement prune = status.getConnection().prepareStatement("""
                    WITH pruned AS (
                        DELETE FROM vector_changes WHERE changed_at < now() - make_interval(secs => ?) RETURNING seq),
                    marked AS (
                        UPDATE vector_changes_pruned SET through_seq = greatest(through_seq, (SELECT max(seq) FROM pruned))
                        WHERE EXISTS (SELECT FROM pruned))
                    SELECT count(*) FROM pruned""")) {
                prune.setDouble(1, retention.toMillis() / 1000.0);
                try (ResultSet count = prune.executeQuery()) {
                    count.next();
                    return count.getInt(1);
                }
            } catch (SQLException e) {
                throw new DataAccessException("cannot prune the vector change log", e);
            }
        });
    }

    private void append(String sql, UUID subject) {
        try (PreparedStatement insert = transactions.getConnection().prepareStatement(sql)) {
            insert.setObject(1, subject);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record a vector change", e);
        }
    }

    private <R> R read(String sql, Query<R> query) {
        return connections.execute(ConnectionDefinition.REQUIRES_NEW, status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                return query.run(select);
            } catch (SQLException e) {
                throw new DataAccessException("cannot read the vector change log", e);
            }
        });
    }

    @FunctionalInterface
    private interface Query<R> {
        R run(PreparedStatement select) throws SQLException;
    }
}
