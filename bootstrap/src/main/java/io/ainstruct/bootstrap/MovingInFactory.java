package io.ainstruct.bootstrap;

import io.ainstruct.application.backup.Backups;
import io.ainstruct.application.indexing.Reindexing;
import io.ainstruct.application.migration.Migration;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.port.DatabaseArchive;
import io.ainstruct.domain.port.DocumentCatalog;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.MigrationTarget;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.VectorIndex;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the use cases of moving in and of keeping data safe: importing a legacy database, rebuilding the vector index
 * from PostgreSQL, backing up and restoring.
 */
@Factory
class MovingInFactory {

    @Singleton
    Migration migration(MigrationTarget target) {
        return new Migration(target);
    }

    @Singleton
    Reindexing reindexing(DocumentCatalog catalog, DocumentRepository documents, IndexingOutbox outbox, VectorIndex index,
                          MarkdownChunker chunker, Embedder embedder, EmbeddingModelLedger ledger, UnitOfWork uow) {
        return new Reindexing(catalog, documents, outbox, index, chunker, embedder, ledger, uow);
    }

    @Singleton
    Backups backups(DatabaseArchive archive) {
        return new Backups(archive);
    }
}
