package io.ainstruct.adapter.cli;

import io.ainstruct.server.Ainstruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration killed with SIGKILL half-way, in its own JVM, then run again: no duplicates, same checksums. */
class ResumeAfterKillTest {
    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path directory;

    @Test
    void aKilledMigrationResumesWithoutDuplicates() throws Exception {
        Path legacy = LegacyFixture.generate(directory, DOCUMENTS, false);
        String target = LegacyFixture.freshTarget();
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Ainstruct.class.getName(), "migrate", "--from", legacy.toString(),
                "--to", target, "--skip-reindex", "--batch-size", "20"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("child.log").toFile()).start();
        long committedAtKill = awaitFirstDocumentBatches(target, child);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long committedAfterKill = committedDocuments(target);
        assertThat(committedAtKill).as("killed half-way through the documents").isBetween(1L, DOCUMENTS - 1L);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM documents")).isLessThan(DOCUMENTS - 1);

        MigrateCommandTest.Run again = MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", target,
                "--skip-reindex", "--accept-quarantine");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).containsPattern("documents\\s+" + DOCUMENTS + "\\s+" + (DOCUMENTS - 1) + "\\s+1\\s+"
                + committedAfterKill + "\\s");
        assertThat(again.output()).contains("Validation: every table's count and checksum match the source.");
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM documents")).isEqualTo(DOCUMENTS - 1);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM migration_quarantine")).isEqualTo(1);
        // The indexes and foreign keys set aside while documents were loading are all back.
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM migration_deferred_definitions")).isZero();
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM pg_indexes WHERE tablename = 'documents'")).isEqualTo(3);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'documents'::regclass "
                + "AND contype = 'f'")).isEqualTo(1);

        String reference = LegacyFixture.freshTarget();
        MigrateCommandTest.Run uninterrupted = MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to",
                reference, "--skip-reindex", "--accept-quarantine");
        assertThat(checksums(again.output())).isEqualTo(checksums(uninterrupted.output()));
    }

    /** The table rows of a report: name, counts aside, and both checksums. */
    private static List<String> checksums(String report) {
        return report.lines().filter(line -> line.matches("^(users|collections|documents|cats|pat_tokens|usage_records)\\s.*"))
                .map(line -> line.replaceAll("^(\\S+)\\s+.*\\s([0-9a-f]{16})\\s+([0-9a-f]{16})\\s+\\S+$", "$1 $2 $3"))
                .toList();
    }

    private static long awaitFirstDocumentBatches(String target, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            long committed = committedDocuments(target);
            if (committed > 0) {
                return committed;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the child migration committed no document batch (alive: " + child.isAlive() + ")");
    }

    private static long committedDocuments(String target) {
        try {
            return LegacyFixture.count(target,
                    "SELECT coalesce(max(committed_rows), 0) FROM migration_progress WHERE table_name = 'documents'");
        } catch (SQLException notYetMigrated) {
            return 0;
        }
    }
}
