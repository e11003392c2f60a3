package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.Embeddings;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The chunks table over plain JDBC: Micronaut Data has no batch insert of {@code real[]} embeddings.
 * Runs on the connection of the current transaction, which the caller must have opened.
 */
@Singleton
class ChunkTable {
    private final TransactionOperations<Connection> transactions;

    ChunkTable(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insertAll(List<Chunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        Connection connection = transactions.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO chunks (id, document_id, chunk_index, content, token_count, embedding)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Chunk chunk : chunks) {
                insert.setObject(1, chunk.id().value());
                insert.setObject(2, chunk.documentId().value());
                insert.setInt(3, chunk.index());
                insert.setString(4, chunk.content());
                insert.setInt(5, chunk.tokenCount());
                insert.setArray(6, Embeddings.toSqlArray(connection, chunk.embedding()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("cannot insert chunks", e);
        }
    }

    void deleteOf(DocumentId document) {
        try (PreparedStatement delete = transactions.getConnection()
                .prepareStatement("DELETE FROM chunks WHERE document_id = ?")) {
            delete.setObject(1, document.value());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot delete chunks", e);
        }
    }

    List<Chunk> chunksOf(DocumentId document) {
        try (PreparedStatement select = transactions.getConnection().prepareStatement("""
                SELECT id, chunk_index, content, token_count, embedding
                FROM chunks WHERE document_id = ? ORDER BY chunk_index""")) {
            select.setObject(1, document.value());
            List<Chunk> chunks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    chunks.add(new Chunk(new ChunkId(rows.getObject(1, UUID.class)), document, rows.getInt(2),
                            rows.getString(3), rows.getInt(4), Embeddings.fromSqlArray(rows.getArray(5))));
                }
            }
            return chunks;
        } catch (SQLException e) {
            throw new DataAccessException("cannot read chunks", e);
        }
    }
}
