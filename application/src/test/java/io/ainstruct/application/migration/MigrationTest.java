package io.ainstruct.application.migration;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.migration.TableFingerprint;
import io.ainstruct.domain.port.LegacySource;
import io.ainstruct.domain.port.MigrationTarget;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration use case over a fake source and a target that records what it is asked to do. */
class MigrationTest {
    private final UserId alice = UserId.random();
    private final FakeSource source = new FakeSource();
    private final RecordingTarget target = new RecordingTarget();

    MigrationTest() {
        source.add(LegacyTable.USERS, user(alice, "alice"), user(UserId.random(), "ALICE"),
                new SourceRow.Rejected("u3", "{}", "is_active: 'yes' is not a boolean", 2));
        for (int i = 0; i < 7; i++) {
            source.add(LegacyTable.COLLECTIONS, collection(alice, "notes " + i));
        }
        source.add(LegacyTable.COLLECTIONS, collection(UserId.random(), "orphan"));
    }

    @Test
    void loadsInBatchesQuarantinesWhatRulesRefuseAndValidates() {
        MigrationReport report = new Migration(target).run(source, new MigrationOptions(3, false), new Silent());

        assertThat(target.loaded.get(LegacyTable.USERS)).hasSize(1);
        assertThat(target.loaded.get(LegacyTable.COLLECTIONS)).hasSize(7);
        assertThat(target.batches.get(LegacyTable.COLLECTIONS)).containsExactly(3L, 6L, 8L);
        assertThat(report.quarantine()).extracting(q -> q.row().reason()).containsExactly(
                "username 'ALICE' is taken by another user when compared case-insensitively",
                "is_active: 'yes' is not a boolean",
                "orphan: user_id " + ((Collection) entity(source.rows.get(LegacyTable.COLLECTIONS).get(7))).ownerId().value()
                        + " is not an imported user");
        assertThat(target.quarantined).hasSize(3);
        assertThat(report.validated()).isTrue();
        assertThat(target.startedAndFinished).containsExactly(LegacyTable.values());
    }

    @Test
    void aResumedRunSkipsWhatWasCommittedAndStillValidatesEverything() {
        target.committed.put(LegacyTable.COLLECTIONS, 6L);
        target.committed.put(LegacyTable.USERS, 3L);
        target.preload(LegacyTable.USERS, entity(source.rows.get(LegacyTable.USERS).get(0)));
        source.rows.get(LegacyTable.COLLECTIONS).subList(0, 6)
                .forEach(row -> target.preload(LegacyTable.COLLECTIONS, entity(row)));

        MigrationReport report = new Migration(target).run(source, new MigrationOptions(3, false), new Silent());

        assertThat(target.batches.get(LegacyTable.USERS)).isNull();
        assertThat(target.batches.get(LegacyTable.COLLECTIONS)).containsExactly(8L);
        assertThat(target.loaded.get(LegacyTable.COLLECTIONS)).hasSize(7);
        assertThat(report.tables().get(1).alreadyCommitted()).isEqualTo(6);
        assertThat(report.validated()).isTrue();
    }

    @Test
    void aBatchAlsoEndsAtItsByteLimit() {
        FakeSource large = new FakeSource();
        large.add(LegacyTable.USERS, user(alice, "alice"));
        for (int i = 0; i < 3; i++) {
            Collection collection = new Collection(CollectionId.random(), alice, "big " + i, Instant.EPOCH, Instant.EPOCH);
            large.add(LegacyTable.COLLECTIONS, new SourceRow.Accepted("c" + i, collection, Migration.MAX_BATCH_BYTES / 2 + 1,
                    List.of(), () -> "{}"));
        }

        new Migration(target).run(large, new MigrationOptions(1_000, false), new Silent());

        assertThat(target.batches.get(LegacyTable.COLLECTIONS)).containsExactly(2L, 3L);
    }

    @Test
    void aDryRunReportsTheSameAndTouchesNoTarget() {
        MigrationReport report = Migration.dryRun(source, 3, new Silent());

        assertThat(report.dryRun()).isTrue();
        assertThat(report.quarantinedRows()).isEqualTo(3);
        assertThat(report.tables().get(1).accepted()).isEqualTo(7);
        assertThat(report.tables()).allSatisfy(table -> assertThat(table.target()).isEmpty());
    }

    @Test
    void validationFailsWhenTheTargetHoldsSomethingElse() {
        MigrationReport honest = new Migration(target).run(source, new MigrationOptions(100, false), new Silent());
        assertThat(honest.validated()).isTrue();
        target.loaded.get(LegacyTable.COLLECTIONS).remove(0);

        MigrationReport again = new Migration(target).run(source, new MigrationOptions(100, false), new Silent());

        assertThat(again.validated()).isFalse();
        assertThat(again.tables()).filteredOn(table -> !table.matches()).extracting(TableReport::table)
                .containsExactly(LegacyTable.COLLECTIONS);
    }

    @Test
    void anImportReadsTheSourceItIsGivenAndClosesItAfterwards() {
        List<String> opened = new ArrayList<>();
        LegacyImport legacyImport = new LegacyImport(from -> {
            opened.add(from);
            return source;
        });

        assertThat(legacyImport.dryRun("postgresql+asyncpg://old/ainstruct", 3, new Silent()).quarantinedRows()).isEqualTo(3);
        assertThat(source.closed).as("closed after the dry run").isTrue();
        source.closed = false;
        assertThat(legacyImport.run("legacy.db", new Migration(target), new MigrationOptions(3, false), new Silent())
                .validated()).isTrue();
        assertThat(source.closed).as("closed after the run").isTrue();
        assertThat(opened).containsExactly("postgresql+asyncpg://old/ainstruct", "legacy.db");
    }

    private static Object entity(SourceRow row) {
        return ((SourceRow.Accepted) row).entity();
    }

    private static SourceRow user(UserId id, String name) {
        User user = new User(id, name + "@example.com", name, "$2b$04$hash", true, false, Instant.EPOCH, Instant.EPOCH);
        return new SourceRow.Accepted(id.value().toString(), user, 10, List.of("is_active: 0/1 as boolean"), () -> "{}");
    }

    private static SourceRow collection(UserId owner, String name) {
        Collection collection = new Collection(CollectionId.random(), owner, name, Instant.EPOCH, Instant.EPOCH);
        return new SourceRow.Accepted(collection.id().value().toString(), collection, 10, List.of(), () -> "{\"name\": \"" + name + "\"}");
    }

    private static final class FakeSource implements LegacySource {
        final Map<LegacyTable, List<SourceRow>> rows = new EnumMap<>(LegacyTable.class);
        boolean closed;

        void add(LegacyTable table, SourceRow... more) {
            rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(List.of(more));
        }

        @Override
        public String identity() {
            return "fake";
        }

        @Override
        public long count(LegacyTable table) {
            return rows.getOrDefault(table, List.of()).size();
        }

        @Override
        public void read(LegacyTable table, Consumer<SourceRow> sink) {
            rows.getOrDefault(table, List.of()).forEach(sink);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Keeps what it loads per table, so that its fingerprints are those of what it holds. */
    private static final class RecordingTarget implements MigrationTarget {
        final Map<LegacyTable, List<Object>> loaded = new EnumMap<>(LegacyTable.class);
        final Map<LegacyTable, List<Long>> batches = new EnumMap<>(LegacyTable.class);
        final Map<LegacyTable, Long> committed = new EnumMap<>(LegacyTable.class);
        final List<SourceRow.Rejected> quarantined = new ArrayList<>();
        final List<LegacyTable> startedAndFinished = new ArrayList<>();

        void preload(LegacyTable table, Object entity) {
            loaded.computeIfAbsent(table, t -> new ArrayList<>()).add(entity);
        }

        @Override
        public long committedRows(String sourceIdentity, LegacyTable table) {
            return committed.getOrDefault(table, 0L);
        }

        @Override
        public void startBulkLoad(LegacyTable table) {
        }

        @Override
        public void finishBulkLoad(LegacyTable table) {
            startedAndFinished.add(table);
        }

        @Override
        public synchronized void load(String sourceIdentity, String runId, LegacyTable table, List<Object> entities,
                                      List<SourceRow.Rejected> rejected, long committedRows) {
            loaded.computeIfAbsent(table, t -> new ArrayList<>()).addAll(entities);
            batches.computeIfAbsent(table, t -> new ArrayList<>()).add(committedRows);
            committed.put(table, committedRows);
            quarantined.addAll(rejected);
        }

        @Override
        public synchronized TableFingerprint fingerprint(LegacyTable table) {
            TableFingerprint fingerprint = TableFingerprint.EMPTY;
            for (Object entity : loaded.getOrDefault(table, List.of())) {
                fingerprint = fingerprint.plus(Migration.fingerprintOf(entity));
            }
            return fingerprint;
        }
    }

    private static final class Silent implements MigrationProgress {
        @Override
        public void tableStarted(LegacyTable table, long rows) {
        }

        @Override
        public void advanced(LegacyTable table, long rows, long bytes) {
        }

        @Override
        public void tableFinished(LegacyTable table) {
        }

        @Override
        public void step(String description) {
        }
    }
}
