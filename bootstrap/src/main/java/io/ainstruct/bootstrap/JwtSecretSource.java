package io.ainstruct.bootstrap;

import io.ainstruct.adapter.security.SigningSecret;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The key that signs access tokens. Outside dev mode it must be configured, so that no deployment runs on a key
 * nobody chose, nor on one anybody can read in this repository or guess; in dev mode one is generated once and kept in
 * the data directory so sessions survive restarts.
 */
@Singleton
class JwtSecretSource {
    /** Secrets published with the project (compose.dev.env): whoever has the repository can sign tokens with them. */
    static final Set<String> PUBLISHED = Set.of("dev-only-jwt-secret-not-for-production-use");
    static final int MIN_ENTROPY_BITS = 128;

    private final AinstructSettings settings;

    JwtSecretSource(AinstructSettings settings) {
        this.settings = settings;
    }

    byte[] secret() {
        var configured = settings.getJwtSecret().filter(secret -> !secret.isBlank());
        if (configured.isPresent()) {
            return checked(configured.get().strip());
        }
        if (!settings.isDevMode()) {
            throw new StartupRefused("No JWT signing secret: set AINSTRUCT_JWT_SECRET (at least 32 random bytes, e.g. "
                    + "`openssl rand -base64 32`), or run in dev mode (AINSTRUCT_DEV_MODE=true)");
        }
        return persistedDevSecret(settings.getDataDir().resolve("jwt-secret"));
    }

    private byte[] checked(String configured) {
        byte[] key;
        try {
            key = SigningSecret.decode(configured);
        } catch (IllegalArgumentException unusable) {
            throw new StartupRefused("AINSTRUCT_JWT_SECRET: " + unusable.getMessage());
        }
        if (settings.isDevMode()) {
            return key;
        }
        if (PUBLISHED.contains(configured)) {
            throw new StartupRefused("AINSTRUCT_JWT_SECRET is the published dev-only secret of compose.dev.env: anyone "
                    + "can sign tokens with it. Set a random one (`openssl rand -base64 32`)");
        }
        if (SigningSecret.estimatedEntropyBits(key) < MIN_ENTROPY_BITS) {
            throw new StartupRefused("AINSTRUCT_JWT_SECRET is too predictable (under " + MIN_ENTROPY_BITS
                    + " bits of entropy by its symbol frequencies). Set a random one (`openssl rand -base64 32`)");
        }
        return key;
    }

    /**
     * Created with mode 0600 from its first byte and published under its name by a hard link, which fails when
     * another process got there first: nobody ever sees the file readable by others, or half written.
     */
    private static byte[] persistedDevSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
                Path draft = Files.createTempFile(directory, "jwt-secret", ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(draft, SigningSecret.generate(), StandardCharsets.US_ASCII);
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // Theirs is as good as ours, and already in use.
                } finally {
                    Files.delete(draft);
                }
            }
            return SigningSecret.decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the dev-mode JWT secret " + file, e);
        }
    }
}
