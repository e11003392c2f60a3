package io.ainstruct.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded PostgreSQL's superuser password: made once, 256 random bits in hex (nothing to quote in SQL or a URL),
 * in a file created readable by its owner only, so that it is never readable by others, not even for a moment.
 */
final class EmbeddedPassword {
    static final String FILE = "postgres.password";

    private EmbeddedPassword() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                create(file, HexFormat.of().formatHex(random));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the embedded PostgreSQL's password in " + file, e);
        }
    }

    private static void create(Path file, String password) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // its password stands
        }
    }
}
