package io.ainstruct.adapter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandTest {
    @TempDir
    Path directory;

    @Test
    void importsEveryTableKeepsTheOrphanInQuarantineAndValidates() throws Exception {
        Path legacy = LegacyFixture.generate(directory, 200, true);
        String target = LegacyFixture.freshTarget();

        Run run = Run.cli("migrate", "--from", legacy.toString(), "--to", target, "--skip-reindex", "--batch-size", "37");

        assertThat(run.exitCode).as(run.output).isEqualTo(MigrateCommand.QUARANTINE);
        assertThat(run.output).contains("Validation: every table's count and checksum match the source.");
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM users")).isEqualTo(10);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM collections")).isEqualTo(20);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM documents")).isEqualTo(199);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM cats")).isEqualTo(10);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM pat_tokens")).isEqualTo(10);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM usage_records")).isEqualTo(20);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM migration_quarantine WHERE table_name = 'documents' "
                + "AND reason LIKE 'orphan: collection_id f0f0f0f0-dead-4bad-beef-000000000000%'")).isEqualTo(1);
    }

    record Run(int exitCode, String output) {
        static Run cli(String... args) {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                int exit = CliMain.execute(args);
                return new Run(exit, captured.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(original);
                System.out.print(captured.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
