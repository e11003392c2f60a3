package io.ainstruct.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Legacy SQLite databases of the Python service, made by the shared generator ({@code scripts/make_legacy_sqlite.py},
 * a copy of {@code ../shared/fixtures/make_legacy_sqlite.py}): users {@code user<i>} with password
 * {@code password-<i>}, PAT i = {@code pat_live_} + i on 32 digits, CAT i likewise with {@code cat_live_}.
 */
public final class LegacySqlite {
    private LegacySqlite() {
    }

    /** A legacy database with {@code documents} documents; skips the test when python3 is missing. */
    public static Path generate(Path directory, int documents, boolean oldNames) throws IOException, InterruptedException {
        Path file = directory.resolve("legacy-" + documents + (oldNames ? "-old" : "") + ".sqlite");
        List<String> command = new ArrayList<>(List.of("python3", generator().toString(), file.toString(),
                "--documents", Integer.toString(documents)));
        if (oldNames) {
            command.add("--old-names");
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed, and the legacy fixtures are made with it: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the fixture generator failed: " + output);
        }
        return file;
    }

    /** A PAT or CAT secret of the generator's row {@code index}: {@code prefix} + the index on 32 digits. */
    public static String token(String prefix, int index) {
        return prefix + String.format("%032d", index);
    }

    /** A fresh, empty database of {@link TestDatabase}, as one URL that carries its credentials (for the CLI's --to). */
    public static String freshDatabaseUrl() {
        String url = TestDatabase.freshDatabase();
        StringBuilder withUser = new StringBuilder(url).append(url.contains("?") ? "&" : "?")
                .append("user=").append(TestDatabase.username());
        if (TestDatabase.password() != null) {
            withUser.append("&password=").append(TestDatabase.password());
        }
        return withUser.toString();
    }

    private static Path generator() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path script = directory.resolve("scripts/make_legacy_sqlite.py");
            if (Files.exists(script)) {
                return script;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("scripts/make_legacy_sqlite.py not found above " + Path.of("").toAbsolutePath());
    }
}
