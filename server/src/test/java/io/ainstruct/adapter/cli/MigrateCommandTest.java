package io.ainstruct.adapter.cli;

import io.ainstruct.server.Ainstruct;
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

    @Test
    void coercesWhatSqliteLetThroughAndQuarantinesWhatPostgresCannotHold() throws Exception {
        Path legacy = LegacyFixture.generate(directory, 40, false);
        String collection = "(SELECT id FROM collections ORDER BY rowid LIMIT 1)";
        String hash = "'0000000000000000000000000000000000000000000000000000000000000000'";
        LegacyFixture.alterLegacy(legacy,
                "UPDATE users SET is_superuser = 't', created_at = '2025-03-04T05:06:07+02:00', updated_at = '1735689600' "
                        + "WHERE username = 'user1'",
                "UPDATE users SET created_at = '2025-03-04 05:06:07.123456Z', is_active = 'f' WHERE username = 'user2'",
                "INSERT INTO users VALUES ('00000000-0000-4000-8000-000000000001', 'bad@example.com', 'baduser', 'x', 'yes', 0, NULL, NULL)",
                "INSERT INTO users VALUES ('00000000-0000-4000-8000-000000000002', 'USER0@example.com', 'other', 'x', 1, 0, NULL, NULL)",
                doc("00000000-0000-4000-8000-00000000000a", collection, "'broken'", hash, "'{not json'", "'2025-01-01'"),
                doc("00000000-0000-4000-8000-00000000000b", collection, "'array'", hash, "'[1, 2]'", "'2025-01-01'"),
                doc("00000000-0000-4000-8000-00000000000c", collection, "'nul' || char(0) || 'byte'", hash, "NULL", "'2025-01-01'"),
                doc("00000000-0000-4000-8000-00000000000d", collection, "'when'", hash, "NULL", "'yesterday'"),
                doc("00000000-0000-4000-8000-00000000000e", collection, "'wrong hash'", hash, "'{\"a\": 1.50}'", "1735689600.5"),
                doc("00000000-0000-4000-8000-00000000000f", collection, "'wrong hash'", hash, "NULL", "'2025-01-01'"),
                "UPDATE documents SET document_type = 'rtf' WHERE id = '00000000-0000-4000-8000-00000000000d'");
        String target = LegacyFixture.freshTarget();

        Run run = Run.cli("migrate", "--from", legacy.toString(), "--to", target, "--skip-reindex", "--accept-quarantine");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(quarantined(target, "00000000-0000-4000-8000-000000000001")).isEqualTo("is_active: 'yes' is not a boolean (0/1, true/false, t/f)");
        assertThat(quarantined(target, "00000000-0000-4000-8000-000000000002")).startsWith("email 'USER0@example.com' is taken");
        assertThat(quarantined(target, "00000000-0000-4000-8000-00000000000a")).startsWith("doc_metadata: not valid JSON");
        assertThat(quarantined(target, "00000000-0000-4000-8000-00000000000b")).isEqualTo("doc_metadata: JSON array where an object is required");
        assertThat(quarantined(target, "00000000-0000-4000-8000-00000000000c")).contains("U+0000");
        assertThat(quarantined(target, "00000000-0000-4000-8000-00000000000d")).isEqualTo("document_type: 'rtf' is not a known document type");
        assertThat(quarantined(target, "00000000-0000-4000-8000-00000000000f")).startsWith("the collection already holds a document with the same content");
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM users WHERE username = 'user1' AND is_superuser "
                + "AND created_at = '2025-03-04T03:06:07Z' AND updated_at = '2025-01-01T00:00:00Z'")).isEqualTo(1);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM users WHERE username = 'user2' AND NOT is_active "
                + "AND created_at = '2025-03-04T05:06:07.123456Z'")).isEqualTo(1);
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM documents WHERE id = '00000000-0000-4000-8000-00000000000e' "
                + "AND content_hash = encode(sha256('wrong hash'::bytea), 'hex') AND metadata = '{\"a\": 1.50}' "
                + "AND created_at = '2025-01-01T00:00:00.5Z' AND document_type = 'markdown'")).isEqualTo(1);
        assertThat(run.output).contains("documents.content_hash: did not match the content, recomputed: 1",
                "users.created_at: ISO text with zone, to UTC: 2",
                "documents.created_at: epoch seconds (real): 1", "users.is_superuser: text 't' as boolean: 1");
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() throws Exception {
        Path legacy = LegacyFixture.generate(directory, 60, false);
        String target = LegacyFixture.freshTarget();

        Run run = Run.cli("migrate", "--from", legacy.toString(), "--to", target, "--dry-run");

        assertThat(run.exitCode).as(run.output).isEqualTo(MigrateCommand.QUARANTINE);
        assertThat(run.output).contains("DRY RUN: nothing was written", "Rows that would be quarantined (1)",
                "orphan: collection_id f0f0f0f0-dead-4bad-beef-000000000000", "documents.document_type: NULL -> markdown");
        assertThat(run.output).containsPattern("documents\\s+60\\s+59\\s+1\\s+0");
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();
    }

    @Test
    void validationCatchesATamperedTarget() throws Exception {
        Path legacy = LegacyFixture.generate(directory, 30, false);
        String target = LegacyFixture.freshTarget();
        assertThat(Run.cli("migrate", "--from", legacy.toString(), "--to", target, "--skip-reindex",
                "--accept-quarantine").exitCode).isZero();
        LegacyFixture.execute(target, "UPDATE documents SET content = content || ' ' WHERE id = (SELECT id FROM documents ORDER BY id LIMIT 1)");
        LegacyFixture.execute(target, "DELETE FROM pat_tokens WHERE id = (SELECT id FROM pat_tokens ORDER BY id LIMIT 1)");

        Run again = Run.cli("migrate", "--from", legacy.toString(), "--to", target, "--skip-reindex", "--accept-quarantine");

        assertThat(again.exitCode).as(again.output).isEqualTo(MigrateCommand.INVALID);
        assertThat(again.output).contains("Validation FAILED").containsPattern("documents .* NO")
                .containsPattern("pat_tokens .* NO").containsPattern("users .* yes");
    }

    private static String doc(String id, String collection, String content, String hash, String metadata, String created) {
        return "INSERT INTO documents VALUES ('" + id + "', " + collection + ", 'title', " + content + ", " + hash
                + ", NULL, " + created + ", NULL, " + metadata + ", '[]')";
    }

    private static String quarantined(String target, String sourceKey) throws Exception {
        try (var connection = LegacyFixture.connect(target);
             var select = connection.prepareStatement("SELECT reason FROM migration_quarantine WHERE source_key = ?")) {
            select.setString(1, sourceKey);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    record Run(int exitCode, String output, String errors) {
        static Run cli(String... args) {
            PrintStream original = System.out;
            PrintStream originalErrors = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            ByteArrayOutputStream capturedErrors = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErrors, true, StandardCharsets.UTF_8));
            try {
                int exit = Ainstruct.execute(args);
                return new Run(exit, captured.toString(StandardCharsets.UTF_8), capturedErrors.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(original);
                System.setErr(originalErrors);
                System.out.print(captured.toString(StandardCharsets.UTF_8));
                System.err.print(capturedErrors.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
