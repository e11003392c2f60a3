package io.ainstruct.adapter.postgres.archive;

import io.ainstruct.domain.backup.ArchiveManifest;
import io.ainstruct.domain.port.DatabaseArchive;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A logical export of the project's own (pg_dump of another major version cannot dump every server): each table's
 * rows in primary-key order as COPY text, read in one REPEATABLE READ snapshot, zipped with a manifest of row counts
 * and SHA-256 checksums. Tables are ordered so that each comes after the tables its foreign keys refer to. Transient
 * and derived tables (the outbox, the vector change log, the keyword index and its language, which the chunks and
 * the configuration make again, migration bookkeeping, Flyway's history) are left out.
 */
@Singleton
class PostgresArchive implements DatabaseArchive {
    static final String MANIFEST = "manifest.tsv";
    private static final String FORMAT = "ainstruct-backup\t1";
    /** A manifest lists a few dozen tables; anything near this size was not written by {@link #write}. */
    static final int MANIFEST_LIMIT = 64 * 1024;
    private static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "indexing_outbox", "vector_changes",
            "keyword_postings", "keyword_settings",
            "vector_changes_pruned", "migration_progress", "migration_deferred_definitions");

    private final TransactionOperations<Connection> transactions;

    PostgresArchive(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public ArchiveManifest write(Path file) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            List<ArchiveManifest.ArchivedTable> tables = new ArrayList<>();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            String version = schemaVersion(connection);
            try (ZipOutputStream zip = new ZipOutputStream(ownerOnly(partial))) {
                for (String table : tablesInLoadOrder(connection)) {
                    columns.put(table, columns(connection, table));
                    zip.putNextEntry(new ZipEntry(entry(table)));
                    Checksum checksum = new Checksum(zip);
                    copy.copyOut("COPY (" + orderedSelect(connection, table, columns.get(table)) + ") TO STDOUT", checksum);
                    zip.closeEntry();
                    tables.add(new ArchiveManifest.ArchivedTable(table, checksum.rows, checksum.hex()));
                }
                ArchiveManifest manifest = new ArchiveManifest(version, Instant.now(), tables);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifestText(manifest, columns).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
                zip.close();
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw new UncheckedIOException("cannot write the backup " + file + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public ArchiveManifest restore(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new IllegalStateException(file + " is not an ainstruct backup: it has no " + MANIFEST);
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            ArchiveManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                byte[] text = in.readNBytes(MANIFEST_LIMIT + 1);
                if (text.length > MANIFEST_LIMIT) {
                    throw new IllegalStateException(file + " is not an ainstruct backup: its manifest is larger than "
                            + MANIFEST_LIMIT / 1024 + " KB");
                }
                manifest = parseManifest(new String(text, StandardCharsets.UTF_8), columns);
            }
            return transactions.executeWrite(status -> {
                Connection connection = status.getConnection();
                requireLiveSchema(connection, manifest, columns);
                requireRestorable(connection, manifest);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (ArchiveManifest.ArchivedTable table : manifest.tables()) {
                    ZipEntry entry = zip.getEntry(entry(table.name()));
                    if (entry == null) {
                        throw new IllegalStateException("the backup lacks the rows of " + table.name());
                    }
                    ChecksumInput in = new ChecksumInput(zip.getInputStream(entry));
                    copy.copyIn("COPY " + quoted(table.name()) + " (" + quoted(columns.get(table.name())) + ") FROM STDIN", in);
                    requireMatch(table, in.checksum, "in the archive");
                }
                for (ArchiveManifest.ArchivedTable table : manifest.tables()) {
                    Checksum readBack = new Checksum(OutputStream.nullOutputStream());
                    copy.copyOut("COPY (" + orderedSelect(connection, table.name(), columns.get(table.name())) + ") TO STDOUT",
                            readBack);
                    requireMatch(table, readBack, "read back from the database");
                }
                resetSequences(connection, manifest);
                return manifest;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireMatch(ArchiveManifest.ArchivedTable table, Checksum checksum, String where) {
        if (checksum.rows != table.rows() || !checksum.hex().equals(table.sha256())) {
            throw new IllegalStateException("checksum mismatch for " + table.name() + " " + where + ": manifest says "
                    + table.rows() + " rows, sha256 " + table.sha256() + "; found " + checksum.rows + " rows, sha256 "
                    + checksum.hex() + ". Nothing was restored.");
        }
    }

    private void requireRestorable(Connection connection, ArchiveManifest manifest) throws SQLException {
        String version = schemaVersion(connection);
        if (!version.equals(manifest.schemaVersion())) {
            throw new IllegalStateException("the backup was taken at schema version " + manifest.schemaVersion()
                    + " and this database is at version " + version + "; restore with the release that took it");
        }
        for (ArchiveManifest.ArchivedTable table : manifest.tables()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quoted(table.name()) + ")")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    throw new IllegalStateException("the database is not empty (" + table.name()
                            + " holds rows); restore only into an empty database");
                }
            }
        }
    }

    /** bigserial columns continue after the restored ids. */
    private static void resetSequences(Connection connection, ArchiveManifest manifest) throws SQLException {
        for (ArchiveManifest.ArchivedTable table : manifest.tables()) {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT a.attname, pg_get_serial_sequence(?, a.attname) FROM pg_attribute a
                    WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                      AND pg_get_serial_sequence(?, a.attname) IS NOT NULL""")) {
                select.setString(1, table.name());
                select.setString(2, table.name());
                select.setString(3, table.name());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?, coalesce((SELECT max("
                                + quoted(rows.getString(1)) + ") FROM " + quoted(table.name()) + "), 0) + 1, false)")) {
                            setval.setString(1, rows.getString(2));
                            setval.execute();
                        }
                    }
                }
            }
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : "none";
        }
    }

    /** Every table of the schema but those left out, each after the tables it refers to (ties by name). */
    private static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> refersTo = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relkind = 'r'""")) {
            while (rows.next()) {
                if (!LEFT_OUT.contains(rows.getString(1))) {
                    refersTo.put(rows.getString(1), new TreeSet<>());
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'""")) {
            while (rows.next()) {
                if (refersTo.containsKey(rows.getString(1)) && !rows.getString(1).equals(rows.getString(2))) {
                    refersTo.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < refersTo.size()) {
            String next = refersTo.entrySet().stream()
                    .filter(table -> !ordered.contains(table.getKey()))
                    .filter(table -> ordered.containsAll(table.getValue().stream().filter(refersTo::containsKey).toList()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + refersTo.keySet()));
            ordered.add(next);
        }
        return ordered;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped
                ORDER BY attnum""")) {
            select.setString(1, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            return columns;
        }
    }

    /** In primary-key order (every column's, for a table without one), so that the same rows give the same bytes. */
    private static String orderedSelect(Connection connection, String table, List<String> columns) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)""")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    key.add(rows.getString(1));
                }
            }
        }
        return "SELECT " + quoted(columns) + " FROM " + quoted(table) + " ORDER BY " + quoted(key.isEmpty() ? columns : key);
    }

    /**
     * The manifest comes from a file anyone may have written: before any statement names them, its tables must be
     * tables this database would archive, and its columns columns of those tables.
     */
    private static void requireLiveSchema(Connection connection, ArchiveManifest manifest, Map<String, List<String>> columns)
            throws SQLException {
        List<String> liveTables = tablesInLoadOrder(connection);
        for (ArchiveManifest.ArchivedTable table : manifest.tables()) {
            if (!liveTables.contains(table.name())) {
                throw new IllegalStateException("the backup's manifest names a table this database does not have: \""
                        + table.name() + "\". Nothing was restored.");
            }
            List<String> liveColumns = columns(connection, table.name());
            for (String column : columns.get(table.name())) {
                if (!liveColumns.contains(column)) {
                    throw new IllegalStateException("the backup's manifest names a column " + table.name()
                            + " does not have: \"" + column + "\". Nothing was restored.");
                }
            }
        }
    }

    /** Names from the catalog or checked against it, quoted all the same so that no name is ever read as SQL. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoted(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(PostgresArchive::quoted).toList());
    }

    /** Archives hold every user's documents and password hashes: readable by their owner only, from the first byte. */
    private static OutputStream ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.newOutputStream(file);
    }

    private static String entry(String table) {
        return "tables/" + table + ".copy";
    }

    private static String manifestText(ArchiveManifest manifest, Map<String, List<String>> columns) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("schema-version\t").append(manifest.schemaVersion()).append('\n')
                .append("taken-at\t").append(manifest.takenAt()).append('\n');
        for (ArchiveManifest.ArchivedTable table : manifest.tables()) {
            text.append("table\t").append(table.name()).append('\t').append(table.rows()).append('\t')
                    .append(table.sha256()).append('\t').append(String.join(",", columns.get(table.name()))).append('\n');
        }
        return text.toString();
    }

    private static ArchiveManifest parseManifest(String text, Map<String, List<String>> columns) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
            throw new IllegalStateException("not an ainstruct backup manifest (format line: " + (lines.isEmpty() ? "none" : lines.get(0)) + ")");
        }
        String version = null;
        Instant takenAt = null;
        List<ArchiveManifest.ArchivedTable> tables = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            switch (fields[0]) {
                case "schema-version" -> version = fields[1];
                case "taken-at" -> takenAt = Instant.parse(fields[1]);
                case "table" -> {
                    tables.add(new ArchiveManifest.ArchivedTable(fields[1], Long.parseLong(fields[2]), fields[3]));
                    columns.put(fields[1], List.of(fields[4].split(",")));
                }
                default -> throw new IllegalStateException("unknown manifest line: " + line);
            }
        }
        return new ArchiveManifest(version, takenAt, tables);
    }

    /** SHA-256 and row count (COPY text ends every row with a newline, and escapes those inside values) of what passes. */
    private static final class Checksum extends FilterOutputStream {
        private final MessageDigest digest = sha256();
        private String hex;
        long rows;

        Checksum(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            digest.update(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    rows++;
                }
            }
            out.write(bytes, offset, length);
        }

        /** The zip entry stays open: closing is the caller's. */
        @Override
        public void close() {
        }

        /** Once all has passed. */
        String hex() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(digest.digest());
            }
            return hex;
        }
    }

    private static final class ChecksumInput extends FilterInputStream {
        final Checksum checksum = new Checksum(OutputStream.nullOutputStream());

        ChecksumInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                checksum.write(bytes, offset, read);
            }
            return read;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
