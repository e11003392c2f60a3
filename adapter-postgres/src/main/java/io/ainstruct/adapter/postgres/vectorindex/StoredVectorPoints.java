package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.shared.Embeddings;
import io.ainstruct.adapter.postgres.shared.JsonMetadata;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.search.VectorPoint;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stored chunks as vector points: what an in-process index is loaded and kept up to date from. Reads run in a
 * transaction of their own, never the caller's, so an index never holds a write that could still roll back.
 */
@Singleton
@TranslatesDatabaseFailures
public class StoredVectorPoints {
    private static final int FETCH_SIZE = 1_000;
    private static final String SELECT_POINTS = """
            SELECT ch.id, ch.document_id, d.collection_id, d.document_type, d.metadata, ch.embedding
            FROM chunks ch JOIN documents d ON d.id = ch.document_id
            """;

    private final TransactionOperations<Connection> transactions;
    private final JsonMetadata json;
    private final TransactionDefinition ownReadTransaction;

    StoredVectorPoints(TransactionOperations<Connection> transactions, JsonMetadata json) {
        this.transactions = transactions;
        this.json = json;
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        definition.setReadOnly(true);
        this.ownReadTransaction = definition;
    }

    /** Streams every point, so the table is never held in memory twice; a document's metadata is parsed once. */
    void forEach(Consumer<VectorPoint> consumer) {
        transactions.execute(ownReadTransaction, status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(SELECT_POINTS + "ORDER BY ch.document_id")) {
                // A fetch size makes the driver use a cursor (inside a transaction) instead of reading every row first.
                select.setFetchSize(FETCH_SIZE);
                readInto(select, consumer);
            } catch (SQLException e) {
                throw new DataAccessException("cannot read the stored vectors", e);
            }
            return null;
        });
    }

    /** The current points of these documents; none for a document that is gone. */
    List<VectorPoint> of(Collection<DocumentId> documents) {
        List<VectorPoint> points = new ArrayList<>();
        if (documents.isEmpty()) {
            return points;
        }
        transactions.execute(ownReadTransaction, status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(SELECT_POINTS
                    + "WHERE ch.document_id = ANY (?) ORDER BY ch.document_id")) {
                select.setArray(1, status.getConnection().createArrayOf("uuid",
                        documents.stream().map(DocumentId::value).toArray()));
                readInto(select, points::add);
            } catch (SQLException e) {
                throw new DataAccessException("cannot read the stored vectors", e);
            }
            return null;
        });
        return points;
    }

    private void readInto(PreparedStatement select, Consumer<VectorPoint> consumer) throws SQLException {
        // Binary transfer from the first execution: parsing the text form of real[] would dominate the read.
        select.unwrap(PGStatement.class).setPrepareThreshold(-1);
        try (ResultSet rows = select.executeQuery()) {
            UUID lastDocument = null;
            Map<String, Object> metadata = Map.of();
            while (rows.next()) {
                UUID document = rows.getObject(2, UUID.class);
                if (!document.equals(lastDocument)) {
                    metadata = json.fromJson(rows.getString(5));
                    lastDocument = document;
                }
                consumer.accept(new VectorPoint(new ChunkId(rows.getObject(1, UUID.class)),
                        new DocumentId(document), new CollectionId(rows.getObject(3, UUID.class)),
                        DocumentType.parse("document_type", rows.getString(4)), metadata,
                        Embeddings.fromSqlArray(rows.getArray(6))));
            }
        }
    }
}
