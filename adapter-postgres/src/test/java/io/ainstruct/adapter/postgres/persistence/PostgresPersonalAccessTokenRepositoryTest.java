package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresPersonalAccessTokenRepositoryTest extends PostgresAdapterTest {
    private PostgresPersonalAccessTokenRepository tokens;

    @BeforeAll
    void repository() {
        tokens = context.getBean(PostgresPersonalAccessTokenRepository.class);
    }

    @Test
    void storesAndFindsATokenByIdAndByHash() {
        PersonalAccessToken token = Fixtures.newPat(fixtures.storedUser().id(), Set.of(Scope.READ, Scope.WRITE),
                Fixtures.now());

        tokens.insert(token);

        assertThat(tokens.findById(token.id())).contains(token);
        assertThat(tokens.findByHash(token.tokenHash())).contains(token);
        assertThat(tokens.findByHash(Secrets.digest("never issued"))).isEmpty();
        assertThat(tokens.findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    void keepsATokenThatNeverExpires() {
        PersonalAccessToken base = Fixtures.newPat(fixtures.storedUser().id(), Scope.all(), Fixtures.now());
        PersonalAccessToken forever = new PersonalAccessToken(base.id(), base.userId(), base.label(), base.tokenHash(),
                base.scopes(), null, null, true, base.createdAt());

        tokens.insert(forever);

        assertThat(tokens.findByHash(forever.tokenHash())).contains(forever);
    }

    @Test
    void storesScopesAsTheirLowerCaseNamesAndReadsEveryCombinationBack() {
        UserId user = fixtures.storedUser().id();
        for (Set<Scope> scopes : List.of(Set.<Scope>of(), Set.of(Scope.READ), Set.of(Scope.WRITE, Scope.ADMIN),
                Scope.all())) {
            PersonalAccessToken token = Fixtures.newPat(user, scopes, Fixtures.now());
            tokens.insert(token);

            assertThat(tokens.findById(token.id())).hasValueSatisfying(found -> assertThat(found.scopes()).isEqualTo(scopes));
        }
        PersonalAccessToken all = Fixtures.newPat(user, EnumSet.of(Scope.ADMIN, Scope.READ, Scope.WRITE), Fixtures.now());
        tokens.insert(all);

        assertThat(queryValue("SELECT array_to_string(scopes, ',') FROM pat_tokens WHERE id = ?", all.id()))
                .isEqualTo("read,write,admin");
    }

    @Test
    void aScopeThisVersionDoesNotKnowGrantsNothing() {
        PersonalAccessToken token = Fixtures.newPat(fixtures.storedUser().id(), Set.of(Scope.READ), Fixtures.now());
        tokens.insert(token);
        execute("UPDATE pat_tokens SET scopes = '{read,superpowers}' WHERE id = ?", token.id());

        assertThat(tokens.findById(token.id())).hasValueSatisfying(found -> assertThat(found.scopes()).containsExactly(Scope.READ));
    }

    @Test
    void theLookUpByHashProbesTheUniqueIndex() {
        String sql = PatRows.FIND_BY_HASH.replace(":tokenHash", "?");

        assertThat(planAvoidingSequentialScans(sql, Secrets.digest("any"))).contains("pat_tokens_token_hash_key");
    }

    @Test
    void listsTheUsersTokensNewestFirstActiveOrNot() {
        UserId user = fixtures.storedUser().id();
        Instant now = Fixtures.now();
        PersonalAccessToken oldest = Fixtures.newPat(user, Set.of(Scope.READ), now.minus(2, ChronoUnit.DAYS));
        PersonalAccessToken revoked = Fixtures.newPat(user, Set.of(Scope.WRITE), now.minus(1, ChronoUnit.DAYS)).revoked();
        PersonalAccessToken newest = Fixtures.newPat(user, Scope.all(), now);
        tokens.insert(revoked);
        tokens.insert(newest);
        tokens.insert(oldest);
        fixtures.storedPat(fixtures.storedUser().id());

        assertThat(tokens.listByUser(user)).containsExactly(newest, revoked, oldest);
        assertThat(tokens.listByUser(fixtures.storedUser().id())).isEmpty();
    }

    @Test
    void updatesLabelSecretScopesExpiryAndActiveFlag() {
        PersonalAccessToken token = fixtures.storedPat(fixtures.storedUser().id());
        PersonalAccessToken changed = new PersonalAccessToken(token.id(), token.userId(), "renamed",
                Secrets.digest(Secrets.generate("pat_live_")), Set.of(Scope.WRITE, Scope.ADMIN),
                token.expiresAt().plus(1, ChronoUnit.DAYS), null, false, token.createdAt());

        tokens.update(changed);

        assertThat(tokens.findById(token.id())).contains(changed);
        assertThat(tokens.findByHash(token.tokenHash())).isEmpty();
        assertThat(tokens.findByHash(changed.tokenHash())).contains(changed);
    }

    @Test
    void rotationAndRevocationKeepTheLastUseRecordedMeanwhile() {
        PersonalAccessToken stale = fixtures.storedPat(fixtures.storedUser().id());
        Instant used = Fixtures.now();
        tokens.recordUse(Map.of(stale.id(), used));

        tokens.update(stale.rotated(Secrets.digest(Secrets.generate("pat_live_")), stale.label(), stale.expiresAt()).revoked());

        assertThat(tokens.findById(stale.id())).hasValueSatisfying(found -> {
            assertThat(found.active()).isFalse();
            assertThat(found.lastUsedAt()).isEqualTo(used);
        });
    }

    @Test
    void recordsTheLastUseOfManyTokensAtOnceAndNeverMovesItBack() {
        UserId user = fixtures.storedUser().id();
        List<PersonalAccessToken> stored = IntStream.range(0, 50).mapToObj(i -> fixtures.storedPat(user)).toList();
        PersonalAccessToken untouched = fixtures.storedPat(user);
        Instant earlier = Fixtures.now().minus(1, ChronoUnit.HOURS);
        Instant later = earlier.plus(30, ChronoUnit.MINUTES);
        Map<UUID, Instant> firstBatch = new HashMap<>();
        stored.forEach(token -> firstBatch.put(token.id(), later));
        firstBatch.put(UUID.randomUUID(), later);

        tokens.recordUse(firstBatch);
        tokens.recordUse(Map.of(stored.get(0).id(), earlier, stored.get(1).id(), later.plusSeconds(1)));
        tokens.recordUse(Map.of());

        assertThat(tokens.findById(stored.get(0).id()).orElseThrow().lastUsedAt()).isEqualTo(later);
        assertThat(tokens.findById(stored.get(1).id()).orElseThrow().lastUsedAt()).isEqualTo(later.plusSeconds(1));
        assertThat(stored.subList(2, stored.size()))
                .allSatisfy(token -> assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(later));
        assertThat(tokens.findById(untouched.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void deletingTheUserDeletesTheirTokens() {
        UserId user = fixtures.storedUser().id();
        PersonalAccessToken token = fixtures.storedPat(user);

        context.getBean(PostgresUserRepository.class).delete(user);

        assertThat(tokens.findByHash(token.tokenHash())).isEmpty();
    }
}
