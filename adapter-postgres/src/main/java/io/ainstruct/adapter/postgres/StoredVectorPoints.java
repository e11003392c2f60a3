package io.ainstruct.adapter.postgres;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.search.VectorPoint;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Every stored chunk as a vector point: what an in-process index is rebuilt from. */
@Singleton
class StoredVectorPoints {
    private static final int FETCH_SIZE = 1_000;

    private final TransactionOperations<Connection> transactions;
    private final JsonMetadata json;

    StoredVectorPoints(TransactionOperations<Connection> transactions, JsonMetadata json) {
        this.transactions = transactions;
        this.json = json;
    }

    /** Streams the points, so the table is never held in memory twice; a document's metadata is parsed once. */
    void forEach(Consumer<VectorPoint> consumer) {
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT ch.id, ch.document_id, d.collection_id, d.document_type, d.metadata, ch.embedding
                    FROM chunks ch JOIN documents d ON d.id = ch.document_id
                    ORDER BY ch.document_id""")) {
                // A fetch size makes the driver use a cursor (inside a transaction) instead of reading every row first.
                select.setFetchSize(FETCH_SIZE);
                // Binary transfer from the first execution: parsing the text form of real[] would dominate the load.
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
            } catch (SQLException e) {
                throw new DataAccessException("cannot read the stored vectors", e);
            }
            return null;
        });
    }
}
