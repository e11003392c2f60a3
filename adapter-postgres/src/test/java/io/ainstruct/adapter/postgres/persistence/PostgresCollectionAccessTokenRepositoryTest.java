package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCollectionAccessTokenRepositoryTest extends PostgresAdapterTest {
    private PostgresCollectionAccessTokenRepository tokens;

    @BeforeAll
    void repository() {
        tokens = context.getBean(PostgresCollectionAccessTokenRepository.class);
    }

    @Test
    void storesAndFindsATokenByIdAndByHashWithEitherPermission() {
        Collection collection = fixtures.storedCollection();
        for (Permission permission : Permission.values()) {
            CollectionAccessToken token = Fixtures.newCat(collection, permission, Fixtures.now());

            tokens.insert(token);

            assertThat(tokens.findById(token.id())).contains(token);
            assertThat(tokens.findByHash(token.tokenHash())).contains(token);
        }
        assertThat(tokens.findByHash(Secrets.digest("never issued"))).isEmpty();
        assertThat(tokens.findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    void storesPermissionsAsTheContractNamesThem() {
        Collection collection = fixtures.storedCollection();
        CollectionAccessToken read = Fixtures.newCat(collection, Permission.READ, Fixtures.now());
        CollectionAccessToken readWrite = Fixtures.newCat(collection, Permission.READ_WRITE, Fixtures.now());
        tokens.insert(read);
        tokens.insert(readWrite);

        assertThat(queryValue("SELECT permission FROM cats WHERE id = ?", read.id())).isEqualTo("read");
        assertThat(queryValue("SELECT permission FROM cats WHERE id = ?", readWrite.id())).isEqualTo("read_write");
    }

    @Test
    void theLookUpByHashProbesTheUniqueIndex() {
        String sql = CatRows.FIND_BY_HASH.replace(":tokenHash", "?");

        assertThat(planAvoidingSequentialScans(sql, Secrets.digest("any"))).contains("cats_token_hash_key");
    }

    @Test
    void listsTheTokensOfTheOwnersCollectionsNewestFirstWithTheCollectionName() {
        User owner = fixtures.storedUser();
        Collection first = fixtures.storedCollection(owner.id());
        Collection second = fixtures.storedCollection(owner.id());
        Collection othersCollection = fixtures.storedCollection();
        Instant now = Fixtures.now();
        CollectionAccessToken oldest = stored(first, Permission.READ, now.minus(3, ChronoUnit.HOURS));
        CollectionAccessToken middle = stored(second, Permission.READ_WRITE, now.minus(2, ChronoUnit.HOURS));
        CollectionAccessToken revoked = Fixtures.newCat(first, Permission.READ, now.minus(1, ChronoUnit.HOURS)).revoked();
        tokens.insert(revoked);
        CollectionAccessToken othersToken = stored(othersCollection, Permission.READ, now);

        assertThat(tokens.listByOwner(owner.id(), Optional.empty())).containsExactly(
                new NamedCollectionToken(revoked, first.name()),
                new NamedCollectionToken(middle, second.name()),
                new NamedCollectionToken(oldest, first.name()));
        assertThat(tokens.listByOwner(othersCollection.ownerId(), Optional.empty()))
                .containsExactly(new NamedCollectionToken(othersToken, othersCollection.name()));
    }

    @Test
    void filtersByCollectionAndNeverShowsAnotherOwnersTokens() {
        User owner = fixtures.storedUser();
        Collection first = fixtures.storedCollection(owner.id());
        Collection second = fixtures.storedCollection(owner.id());
        Collection othersCollection = fixtures.storedCollection();
        CollectionAccessToken inFirst = stored(first, Permission.READ, Fixtures.now());
        stored(second, Permission.READ, Fixtures.now());
        stored(othersCollection, Permission.READ_WRITE, Fixtures.now());

        assertThat(tokens.listByOwner(owner.id(), Optional.of(first.id())))
                .containsExactly(new NamedCollectionToken(inFirst, first.name()));
        assertThat(tokens.listByOwner(owner.id(), Optional.of(othersCollection.id()))).isEmpty();
        assertThat(tokens.listByOwner(owner.id(), Optional.of(CollectionId.random()))).isEmpty();
        assertThat(tokens.listByOwner(fixtures.storedUser().id(), Optional.empty())).isEmpty();
    }

    @Test
    void updatesLabelSecretPermissionExpiryAndActiveFlag() {
        CollectionAccessToken token = fixtures.storedCat(fixtures.storedCollection());
        CollectionAccessToken changed = new CollectionAccessToken(token.id(), token.collectionId(), token.createdBy(),
                "renamed", Secrets.digest(Secrets.generate("cat_live_")), Permission.READ_WRITE, null, null, false,
                token.createdAt());

        tokens.update(changed);

        assertThat(tokens.findById(token.id())).contains(changed);
        assertThat(tokens.findByHash(token.tokenHash())).isEmpty();
    }

    @Test
    void rotationAndRevocationKeepTheLastUseRecordedMeanwhile() {
        CollectionAccessToken stale = fixtures.storedCat(fixtures.storedCollection());
        Instant used = Fixtures.now();
        tokens.recordUse(Map.of(stale.id(), used));

        tokens.update(stale.rotated(Secrets.digest(Secrets.generate("cat_live_")), stale.label(), stale.expiresAt()).revoked());

        assertThat(tokens.findById(stale.id())).hasValueSatisfying(found -> {
            assertThat(found.active()).isFalse();
            assertThat(found.lastUsedAt()).isEqualTo(used);
        });
    }

    @Test
    void recordsTheLastUseOfManyTokensAtOnceAndNeverMovesItBack() {
        Collection collection = fixtures.storedCollection();
        List<CollectionAccessToken> stored = IntStream.range(0, 20).mapToObj(i -> fixtures.storedCat(collection)).toList();
        CollectionAccessToken untouched = fixtures.storedCat(collection);
        Instant earlier = Fixtures.now().minus(1, ChronoUnit.HOURS);
        Instant later = earlier.plus(30, ChronoUnit.MINUTES);
        Map<UUID, Instant> firstBatch = new HashMap<>();
        stored.forEach(token -> firstBatch.put(token.id(), later));

        tokens.recordUse(firstBatch);
        tokens.recordUse(Map.of(stored.get(0).id(), earlier, stored.get(1).id(), later.plusMillis(1),
                UUID.randomUUID(), later));

        assertThat(tokens.findById(stored.get(0).id()).orElseThrow().lastUsedAt()).isEqualTo(later);
        assertThat(tokens.findById(stored.get(1).id()).orElseThrow().lastUsedAt()).isEqualTo(later.plusMillis(1));
        assertThat(stored.subList(2, stored.size()))
                .allSatisfy(token -> assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(later));
        assertThat(tokens.findById(untouched.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void deletingTheCollectionDeletesItsTokens() {
        Collection collection = fixtures.storedCollection();
        CollectionAccessToken token = fixtures.storedCat(collection);

        context.getBean(PostgresCollectionRepository.class).delete(collection.id());

        assertThat(tokens.findById(token.id())).isEmpty();
    }

    private CollectionAccessToken stored(Collection collection, Permission permission, Instant createdAt) {
        CollectionAccessToken token = Fixtures.newCat(collection, permission, createdAt);
        tokens.insert(token);
        return token;
    }
}
