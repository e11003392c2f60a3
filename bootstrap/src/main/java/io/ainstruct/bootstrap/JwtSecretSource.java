package io.ainstruct.bootstrap;

import io.ainstruct.adapter.security.SigningSecret;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key that signs access tokens. Outside dev mode it must be configured, so that no deployment runs on a key
 * nobody chose; in dev mode one is generated once and kept in the data directory so sessions survive restarts.
 */
@Singleton
class JwtSecretSource {
    private final AinstructSettings settings;

    JwtSecretSource(AinstructSettings settings) {
        this.settings = settings;
    }

    byte[] secret() {
        var configured = settings.getJwtSecret().filter(secret -> !secret.isBlank());
        if (configured.isPresent()) {
            return SigningSecret.decode(configured.get());
        }
        if (!settings.isDevMode()) {
            throw new ConfigurationException("No JWT signing secret: set AINSTRUCT_JWT_SECRET (at least 32 bytes, e.g. "
                    + "`openssl rand -base64 32`), or run in dev mode (AINSTRUCT_DEV_MODE=true)");
        }
        return persistedDevSecret(settings.getDataDir().resolve("jwt-secret"));
    }

    private static byte[] persistedDevSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, SigningSecret.generate(), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return SigningSecret.decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the dev-mode JWT secret " + file, e);
        }
    }
}
