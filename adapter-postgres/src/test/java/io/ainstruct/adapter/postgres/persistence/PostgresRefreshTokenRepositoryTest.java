package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresRefreshTokenRepositoryTest extends PostgresAdapterTest {
    private PostgresRefreshTokenRepository tokens;

    @BeforeAll
    void repository() {
        tokens = context.getBean(PostgresRefreshTokenRepository.class);
    }

    @Test
    void aTokenIsConsumedOnce() {
        UserId user = fixtures.storedUser().id();
        String hash = storedToken(user, Fixtures.now().plus(Duration.ofDays(7)));

        assertThat(tokens.consume(hash, Fixtures.now()).map(RefreshToken::userId)).contains(user);
        assertThat(tokens.consume(hash, Fixtures.now())).isEmpty();
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() {
        Instant now = Fixtures.now();
        String hash = storedToken(fixtures.storedUser().id(), now);

        assertThat(tokens.consume(hash, now)).isEmpty();
        assertThat(tokens.consume(Secrets.digest("never issued"), now)).isEmpty();
    }

    @Test
    void revokingAUsersTokensRefusesThemAllAndNoOneElses() {
        UserId user = fixtures.storedUser().id();
        UserId other = fixtures.storedUser().id();
        Instant expiry = Fixtures.now().plus(Duration.ofDays(7));
        String first = storedToken(user, expiry);
        String second = storedToken(user, expiry);
        String othersToken = storedToken(other, expiry);

        tokens.revokeAll(user, Fixtures.now());

        assertThat(tokens.consume(first, Fixtures.now())).isEmpty();
        assertThat(tokens.consume(second, Fixtures.now())).isEmpty();
        assertThat(tokens.consume(othersToken, Fixtures.now()).map(RefreshToken::userId)).contains(other);
    }

    @Test
    void ofManyConcurrentUsesOfOneTokenExactlyOneSucceeds() throws Exception {
        UserId user = fixtures.storedUser().id();
        String hash = storedToken(user, Fixtures.now().plus(Duration.ofDays(7)));
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        Callable<Optional<RefreshToken>> use = () -> {
            start.await();
            return tokens.consume(hash, Fixtures.now());
        };
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Optional<RefreshToken>>> uses = pool.invokeAll(IntStream.range(0, racers).mapToObj(i -> use).toList());

            long succeeded = 0;
            for (Future<Optional<RefreshToken>> result : uses) {
                succeeded += result.get().isPresent() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConsumedTokenNamesItsFamily() {
        UserId user = fixtures.storedUser().id();
        UUID family = UUID.randomUUID();
        String hash = storedToken(family, user, Fixtures.now().plus(Duration.ofDays(7)));

        RefreshToken consumed = tokens.consume(hash, Fixtures.now()).orElseThrow();

        assertThat(consumed.familyId()).isEqualTo(family);
        assertThat(consumed.tokenHash()).isEqualTo(hash);
    }

    @Test
    void revokingAFamilyByAnyOfItsTokensRefusesTheWholeFamilyAndNoOtherOfTheUser() {
        UserId user = fixtures.storedUser().id();
        Instant expiry = Fixtures.now().plus(Duration.ofDays(7));
        UUID family = UUID.randomUUID();
        String spent = storedToken(family, user, expiry);
        tokens.consume(spent, Fixtures.now()).orElseThrow();
        String current = storedToken(family, user, expiry);
        String otherLogin = storedToken(UUID.randomUUID(), user, expiry);

        tokens.revokeFamily(spent, Fixtures.now());
        tokens.revokeFamily(Secrets.digest("never issued"), Fixtures.now());

        assertThat(tokens.consume(current, Fixtures.now())).isEmpty();
        assertThat(tokens.consume(otherLogin, Fixtures.now()).map(RefreshToken::userId)).contains(user);
    }

    private String storedToken(UserId user, Instant expiresAt) {
        return storedToken(UUID.randomUUID(), user, expiresAt);
    }

    private String storedToken(UUID family, UserId user, Instant expiresAt) {
        String hash = Secrets.digest(Secrets.generate("refresh_"));
        tokens.insert(new RefreshToken(UUID.randomUUID(), family, user, hash, expiresAt, Fixtures.now()));
        return hash;
    }
}
