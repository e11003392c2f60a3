package io.ainstruct.application.usage;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityRecorderTest {
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    private final TestWorld world = new TestWorld();
    private final Caller.Person aliceCaller = world.signUp("alice");
    private final UserId alice = aliceCaller.userId();
    private final UserId bob = world.signUp("bob").userId();
    // Nothing counted yet: the sign-ups' own authentications are thrown away with a recorder of this test's own.
    private final ActivityRecorder recorder = new ActivityRecorder(world.usage, world.personalTokens, world.collectionTokens,
            world.uow);
    private final Instant january = Instant.parse("2026-01-15T10:00:00Z");
    private final Instant february = Instant.parse("2026-02-01T00:00:00Z");

    private long count(UserId user, YearMonth month, EntryPoint source) {
        return world.usage.count(user, month, source);
    }

    @Test
    void counts_requests_per_user_month_and_entry_point() {
        recorder.request(alice, EntryPoint.REST, january);
        recorder.request(alice, EntryPoint.REST, january.plusSeconds(60));
        recorder.request(alice, EntryPoint.REST, january);
        recorder.request(alice, EntryPoint.MCP, january);
        recorder.request(alice, EntryPoint.REST, february);
        recorder.request(bob, EntryPoint.REST, january);
        recorder.request(bob, EntryPoint.REST, january);

        recorder.flush();

        assertThat(count(alice, JANUARY, EntryPoint.REST)).isEqualTo(3);
        assertThat(count(alice, JANUARY, EntryPoint.MCP)).isEqualTo(1);
        assertThat(count(alice, FEBRUARY, EntryPoint.REST)).isEqualTo(1);
        assertThat(count(alice, FEBRUARY, EntryPoint.MCP)).isZero();
        assertThat(count(bob, JANUARY, EntryPoint.REST)).isEqualTo(2);
    }

    @Test
    void a_month_is_a_utc_calendar_month() {
        recorder.request(alice, EntryPoint.REST, Instant.parse("2026-01-31T23:59:59Z"));
        recorder.request(alice, EntryPoint.REST, Instant.parse("2026-02-01T00:00:00Z"));

        recorder.flush();

        assertThat(count(alice, JANUARY, EntryPoint.REST)).isEqualTo(1);
        assertThat(count(alice, FEBRUARY, EntryPoint.REST)).isEqualTo(1);
    }

    @Test
    void counts_accumulate_across_flushes() {
        recorder.request(alice, EntryPoint.MCP, january);
        recorder.flush();
        recorder.request(alice, EntryPoint.MCP, january);
        recorder.request(alice, EntryPoint.MCP, january);
        recorder.flush();

        assertThat(count(alice, JANUARY, EntryPoint.MCP)).isEqualTo(3);
    }

    @Test
    void nothing_is_written_before_a_flush() {
        recorder.request(alice, EntryPoint.REST, january);

        assertThat(world.usage.total()).isZero();
    }

    @Test
    void a_flush_writes_everything_in_one_batch_and_starts_afresh() {
        recorder.request(alice, EntryPoint.REST, january);
        recorder.request(alice, EntryPoint.REST, january);
        recorder.request(alice, EntryPoint.MCP, january);
        recorder.request(bob, EntryPoint.REST, february);

        recorder.flush();

        assertThat(world.usage.batches()).hasSize(1);
        assertThat(world.usage.batches().get(0)).containsExactlyInAnyOrder(
                new UsageRecord(alice, JANUARY, EntryPoint.REST, 2),
                new UsageRecord(alice, JANUARY, EntryPoint.MCP, 1),
                new UsageRecord(bob, FEBRUARY, EntryPoint.REST, 1));

        recorder.flush();

        assertThat(world.usage.batches()).hasSize(1);
        assertThat(world.usage.total()).isEqualTo(4);
    }

    @Test
    void a_flush_with_nothing_recorded_writes_nothing() {
        int commits = world.uow.commits();

        recorder.flush();

        assertThat(world.usage.batches()).isEmpty();
        assertThat(world.uow.commits()).isEqualTo(commits);
    }

    @Test
    void a_failed_flush_keeps_the_counts_for_the_next_one() {
        recorder.request(alice, EntryPoint.REST, january);
        recorder.request(alice, EntryPoint.REST, january);
        recorder.request(bob, EntryPoint.MCP, january);
        world.usage.failNext(1);

        assertThatThrownBy(recorder::flush).hasMessageContaining("unavailable");
        assertThat(world.usage.total()).isZero();

        recorder.request(alice, EntryPoint.REST, january);
        recorder.flush();

        assertThat(count(alice, JANUARY, EntryPoint.REST)).isEqualTo(3);
        assertThat(count(bob, JANUARY, EntryPoint.MCP)).isEqualTo(1);
        recorder.flush();
        assertThat(world.usage.total()).isEqualTo(4);
    }

    @Test
    void several_failed_flushes_in_a_row_lose_nothing_and_count_nothing_twice() {
        recorder.request(alice, EntryPoint.REST, january);
        world.usage.failNext(3);

        for (int i = 0; i < 3; i++) {
            recorder.request(alice, EntryPoint.REST, january);
            assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class);
        }
        recorder.flush();

        assertThat(count(alice, JANUARY, EntryPoint.REST)).isEqualTo(4);
    }

    @Test
    void a_failed_flush_keeps_the_last_use_of_tokens_too() {
        PersonalAccessToken token = world.pat(aliceCaller).token();
        recorder.request(alice, EntryPoint.REST, january);
        recorder.personalTokenUsed(token.id(), january);
        world.usage.failNext(1);

        assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class);
        assertThat(world.personalTokens.findById(token.id()).orElseThrow().lastUsedAt()).isNull();

        recorder.flush();

        assertThat(world.personalTokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(january);
    }

    @Test
    void last_use_never_goes_backwards() {
        PersonalAccessToken token = world.pat(aliceCaller).token();
        Instant later = january.plus(Duration.ofMinutes(10));

        recorder.personalTokenUsed(token.id(), later);
        recorder.personalTokenUsed(token.id(), january);
        recorder.flush();

        assertThat(world.personalTokens.findById(token.id()).orElseThrow().lastUsedAt()).isEqualTo(later);
        assertThat(world.personalTokens.recordUseCalls()).isEqualTo(1);
    }

    @Test
    void last_use_of_a_collection_token_never_goes_backwards() {
        UUID token = world.cat(aliceCaller, world.defaultCollection(aliceCaller), null).token().token().id();
        Instant later = january.plus(Duration.ofMinutes(10));

        recorder.collectionTokenUsed(token, january);
        recorder.collectionTokenUsed(token, later);
        recorder.collectionTokenUsed(token, january.plusSeconds(1));
        recorder.flush();

        assertThat(world.collectionTokens.findById(token).orElseThrow().lastUsedAt()).isEqualTo(later);
    }

    @Test
    void concurrent_recording_loses_nothing() throws Exception {
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            UserId user = t % 2 == 0 ? alice : bob;
            EntryPoint source = t % 4 < 2 ? EntryPoint.REST : EntryPoint.MCP;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    recorder.request(user, source, january);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        recorder.flush();

        assertThat(world.usage.total()).isEqualTo((long) threads * perThread);
        assertThat(count(alice, JANUARY, EntryPoint.REST)).isEqualTo(2L * perThread);
        assertThat(count(alice, JANUARY, EntryPoint.MCP)).isEqualTo(2L * perThread);
        assertThat(count(bob, JANUARY, EntryPoint.REST)).isEqualTo(2L * perThread);
        assertThat(count(bob, JANUARY, EntryPoint.MCP)).isEqualTo(2L * perThread);
    }

    /**
     * The recorder is flushed on a schedule while requests keep coming: a count that lands in the map being flushed
     * after its sum was taken must not vanish. Run in several rounds, since one round may miss the race.
     */
    @Test
    void recording_while_another_thread_flushes_loses_nothing() throws Exception {
        int rounds = 10;
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 1; round <= rounds; round++) {
                long before = count(alice, JANUARY, EntryPoint.MCP);
                CountDownLatch start = new CountDownLatch(1);
                AtomicBoolean recording = new AtomicBoolean(true);
                Thread flusher = new Thread(() -> {
                    while (recording.get()) {
                        recorder.flush();
                    }
                });
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            recorder.request(alice, EntryPoint.MCP, january);
                        }
                        return null;
                    }));
                }
                flusher.start();
                start.countDown();
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
                recording.set(false);
                flusher.join(30_000);

                recorder.flush();

                assertThat(count(alice, JANUARY, EntryPoint.MCP) - before)
                        .as("requests counted in round %d", round)
                        .isEqualTo((long) threads * perThread);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
