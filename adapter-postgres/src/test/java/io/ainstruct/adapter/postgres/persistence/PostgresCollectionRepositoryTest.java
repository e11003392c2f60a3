package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresCollectionRepositoryTest extends PostgresAdapterTest {
    private PostgresCollectionRepository collections;

    @BeforeAll
    void repository() {
        collections = context.getBean(PostgresCollectionRepository.class);
    }

    @Test
    void storesAndFindsACollectionByIdAndByOwnerAndName() {
        User owner = fixtures.storedUser();
        Collection collection = new Collection(CollectionId.random(), owner.id(), Collection.DEFAULT_NAME,
                Fixtures.now(), Fixtures.now());

        collections.insert(collection);

        assertThat(collections.findById(collection.id())).contains(collection);
        assertThat(collections.findByOwnerAndName(owner.id(), Collection.DEFAULT_NAME)).contains(collection);
        assertThat(collections.findByOwnerAndName(fixtures.storedUser().id(), Collection.DEFAULT_NAME)).isEmpty();
        assertThat(collections.findById(CollectionId.random())).isEmpty();
    }

    @Test
    void listsTheIdsOfAnOwnersCollectionsAndNoOneElses() {
        Collection first = fixtures.storedCollection();
        Collection second = new Collection(CollectionId.random(), first.ownerId(), "second", Fixtures.now(), Fixtures.now());
        collections.insert(second);
        fixtures.storedCollection();

        assertThat(collections.idsOwnedBy(first.ownerId())).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void refusesASecondCollectionOfTheSameNameForOneOwner() {
        Collection existing = fixtures.storedCollection();
        Collection twin = new Collection(CollectionId.random(), existing.ownerId(), existing.name(),
                Fixtures.now(), Fixtures.now());

        assertThatThrownBy(() -> collections.insert(twin))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLECTION_EXISTS));
    }

    @Test
    void allowsTheSameNameForAnotherOwner() {
        Collection existing = fixtures.storedCollection();
        Collection sameName = new Collection(CollectionId.random(), fixtures.storedUser().id(), existing.name(),
                Fixtures.now(), Fixtures.now());

        collections.insert(sameName);

        assertThat(collections.findById(sameName.id())).contains(sameName);
    }

    @Test
    void renames() {
        Collection collection = fixtures.storedCollection();
        Collection renamed = collection.renamed(Fixtures.unique("renamed-"), Fixtures.now());

        collections.update(renamed);

        assertThat(collections.findById(collection.id())).contains(renamed);
    }

    @Test
    void refusesARenameToANameTheOwnerAlreadyUses() {
        Collection first = fixtures.storedCollection();
        Collection second = fixtures.storedCollection(first.ownerId());

        assertThatThrownBy(() -> collections.update(second.renamed(first.name(), Fixtures.now())))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLLECTION_EXISTS));
    }

    @Test
    void listsTheOwnersCollectionsByNameWithTheirCounts() {
        User owner = fixtures.storedUser();
        Collection beta = storedCollectionNamed(owner, "beta");
        Collection alpha = storedCollectionNamed(owner, "alpha");
        fixtures.storedCollection();
        fixtures.storedDocument(alpha.id(), "one", 2);
        fixtures.storedDocument(alpha.id(), "two", 1);
        Instant now = Fixtures.now();
        storeAccessToken(alpha, owner, true, null);
        storeAccessToken(alpha, owner, true, now.plus(1, ChronoUnit.DAYS));
        storeAccessToken(alpha, owner, true, now.minusSeconds(1));
        storeAccessToken(alpha, owner, false, null);

        assertThat(collections.listByOwner(owner.id(), now)).containsExactly(
                new CollectionSummary(alpha, 2, 2),
                new CollectionSummary(beta, 0, 0));
        assertThat(collections.summary(alpha.id(), now)).contains(new CollectionSummary(alpha, 2, 2));
        assertThat(collections.summary(CollectionId.random(), now)).isEmpty();
    }

    @Test
    void deletingACollectionDeletesItsDocumentsAndChunks() {
        Collection collection = fixtures.storedCollection();
        Collection kept = fixtures.storedCollection(collection.ownerId());
        Document gone = fixtures.storedDocument(collection.id(), "gone", 3);
        fixtures.storedDocument(kept.id(), "kept", 2);

        collections.delete(collection.id());

        assertThat(collections.findById(collection.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM documents WHERE collection_id = ?", collection.id().value())).isZero();
        assertThat(count("SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.collection_id = ?",
                kept.id().value())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM chunks WHERE document_id = ?", gone.id().value())).isZero();
    }

    private Collection storedCollectionNamed(User owner, String name) {
        Collection collection = new Collection(CollectionId.random(), owner.id(), name, Fixtures.now(), Fixtures.now());
        collections.insert(collection);
        return collection;
    }

    private void storeAccessToken(Collection collection, User creator, boolean active, Instant expiresAt) {
        execute("""
                INSERT INTO cats (id, collection_id, created_by, label, token_hash, permission, expires_at, is_active)
                VALUES (?, ?, ?, 'test', ?, 'read', ?, ?)""",
                UUID.randomUUID(), collection.id().value(), creator.id().value(),
                UUID.randomUUID().toString().replace("-", "").repeat(2),
                expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC), active);
    }
}
