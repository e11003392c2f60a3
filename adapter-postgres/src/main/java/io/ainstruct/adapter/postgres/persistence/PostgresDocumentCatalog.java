package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.DocumentCatalog;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pages through documents by primary key (keyset pagination): each page is one index range scan. */
@Singleton
class PostgresDocumentCatalog implements DocumentCatalog {
    private final TransactionOperations<Connection> transactions;

    PostgresDocumentCatalog(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public long count(Optional<CollectionId> collection) {
        try (PreparedStatement select = transactions.getConnection().prepareStatement(
                "SELECT count(*) FROM documents WHERE (?::uuid IS NULL OR collection_id = ?::uuid)")) {
            UUID id = collection.map(CollectionId::value).orElse(null);
            select.setObject(1, id);
            select.setObject(2, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot count documents", e);
        }
    }

    @Override
    public List<DocumentId> idsAfter(Optional<DocumentId> after, Optional<CollectionId> collection, int limit) {
        try (PreparedStatement select = transactions.getConnection().prepareStatement("""
                SELECT id FROM documents
                WHERE (?::uuid IS NULL OR id > ?::uuid) AND (?::uuid IS NULL OR collection_id = ?::uuid)
                ORDER BY id LIMIT ?""")) {
            UUID from = after.map(DocumentId::value).orElse(null);
            UUID in = collection.map(CollectionId::value).orElse(null);
            select.setObject(1, from);
            select.setObject(2, from);
            select.setObject(3, in);
            select.setObject(4, in);
            select.setInt(5, limit);
            List<DocumentId> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(new DocumentId(rows.getObject(1, UUID.class)));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new DataAccessException("cannot list document ids", e);
        }
    }
}
