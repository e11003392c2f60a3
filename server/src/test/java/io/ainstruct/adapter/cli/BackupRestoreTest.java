package io.ainstruct.adapter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** backup, wipe, restore: the same rows in every table; a restore refuses a non-empty database and a damaged archive. */
class BackupRestoreTest {
    private static final List<String> TABLES = List.of("users", "collections", "documents", "chunks", "cats", "pat_tokens",
            "usage_records", "embedding_model", "migration_quarantine");

    @TempDir
    Path directory;

    @Test
    void backupWipeRestoreGivesIdenticalTables() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 12, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database,
                "--accept-quarantine").exitCode()).isZero();
        Map<String, String> before = digests(database);
        assertThat(before.get("chunks")).isNotNull();
        Path archive = directory.resolve("backup.zip");

        MigrateCommandTest.Run backup = MigrateCommandTest.Run.cli("backup", "--file", archive.toString(), "--database", database);
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).containsPattern("documents\\s+11\\s+[0-9a-f]{64}");
        LegacyFixture.execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");

        MigrateCommandTest.Run restore = MigrateCommandTest.Run.cli("restore", "--file", archive.toString(), "--database", database);

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored and verified", "Reindexed 11 documents", "0 chunked and embedded");
        assertThat(digests(database)).isEqualTo(before);

        assertThat(MigrateCommandTest.Run.cli("restore", "--file", archive.toString(), "--database", database).exitCode())
                .as("a second restore into the now non-empty database").isEqualTo(1);
        assertThat(digests(database)).isEqualTo(before);
    }

    @Test
    void aDamagedArchiveRestoresNothing() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 6, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database, "--skip-reindex",
                "--accept-quarantine").exitCode()).isZero();
        Path archive = directory.resolve("backup.zip");
        assertThat(MigrateCommandTest.Run.cli("backup", "--file", archive.toString(), "--database", database).exitCode()).isZero();
        Path damaged = damage(archive, "tables/documents.copy");
        String empty = LegacyFixture.freshTarget();

        MigrateCommandTest.Run restore = MigrateCommandTest.Run.cli("restore", "--file", damaged.toString(), "--database", empty);

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(LegacyFixture.count(empty, "SELECT count(*) FROM users")).isZero();
        assertThat(LegacyFixture.count(empty, "SELECT count(*) FROM documents")).isZero();
    }

    @Test
    void aManifestNamingSqlIsRefusedBeforeAnySqlRuns() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 6, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database, "--skip-reindex",
                "--accept-quarantine").exitCode()).isZero();
        Map<String, String> before = digests(database);
        Path archive = directory.resolve("backup.zip");
        assertThat(MigrateCommandTest.Run.cli("backup", "--file", archive.toString(), "--database", database).exitCode()).isZero();
        Path crafted = rewriteManifest(archive, manifest -> manifest.replaceFirst("\ntable\t",
                "\ntable\tusers); COMMIT; DROP TABLE users CASCADE; --\t0\t" + "0".repeat(64) + "\tid\ntable\t"));

        MigrateCommandTest.Run restore = MigrateCommandTest.Run.cli("restore", "--file", crafted.toString(), "--database", database);

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.errors()).contains("names a table this database does not have");
        assertThat(digests(database)).isEqualTo(before);
    }

    @Test
    void aManifestNamingAColumnTheTableLacksIsRefused() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 3, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database, "--skip-reindex",
                "--accept-quarantine").exitCode()).isZero();
        Path archive = directory.resolve("backup.zip");
        assertThat(MigrateCommandTest.Run.cli("backup", "--file", archive.toString(), "--database", database).exitCode()).isZero();
        Path crafted = rewriteManifest(archive, manifest -> manifest.replaceFirst("(\ntable\tusers\t[^\t]*\t[^\t]*\t)",
                "$1id) FROM STDIN; DROP TABLE users; --,"));
        String empty = LegacyFixture.freshTarget();

        MigrateCommandTest.Run restore = MigrateCommandTest.Run.cli("restore", "--file", crafted.toString(), "--database", empty);

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.errors()).contains("names a column users does not have");
        assertThat(LegacyFixture.count(empty, "SELECT count(*) FROM users")).isZero();
    }

    @Test
    void anOversizedManifestIsRefused() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 3, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database, "--skip-reindex",
                "--accept-quarantine").exitCode()).isZero();
        Path archive = directory.resolve("backup.zip");
        assertThat(MigrateCommandTest.Run.cli("backup", "--file", archive.toString(), "--database", database).exitCode()).isZero();
        Path oversized = rewriteManifest(archive, manifest -> manifest + "taken-at\t2026-01-01T00:00:00Z\n".repeat(3000));
        String empty = LegacyFixture.freshTarget();

        MigrateCommandTest.Run restore = MigrateCommandTest.Run.cli("restore", "--file", oversized.toString(), "--database", empty);

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.errors()).contains("manifest is larger than 64 KB");
    }

    @Test
    void anArchiveIsReadableByItsOwnerOnly() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 3, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database, "--skip-reindex",
                "--accept-quarantine").exitCode()).isZero();
        Path archive = directory.resolve("backup.zip");

        assertThat(MigrateCommandTest.Run.cli("backup", "--file", archive.toString(), "--database", database).exitCode()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
    }

    /** A copy of the archive whose manifest is the given rewrite of the original. */
    private Path rewriteManifest(Path archive, UnaryOperator<String> rewrite) throws Exception {
        return rewrite(archive, "manifest.tsv",
                bytes -> rewrite.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the archive with one character of one entry changed. */
    private Path damage(Path archive, String entryName) throws Exception {
        return rewrite(archive, entryName, bytes -> {
            bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Section")] = 's';
            return bytes;
        });
    }

    private Path rewrite(Path archive, String entryName, UnaryOperator<byte[]> change) throws Exception {
        Path rewritten = directory.resolve("rewritten.zip");
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(entryName) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return rewritten;
    }

    /** Each table's rows, as text, sorted and hashed: equal digests, equal contents. */
    private static Map<String, String> digests(String url) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = LegacyFixture.connect(url); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")) {
                    rows.next();
                    digests.put(table, rows.getString(1));
                }
            }
        }
        return digests;
    }
}
