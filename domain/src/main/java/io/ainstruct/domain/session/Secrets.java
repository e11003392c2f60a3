package io.ainstruct.domain.session;

import io.ainstruct.domain.document.ContentHash;

import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets and the digest under which they are stored. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private Secrets() {
    }

    /** {@code prefix} followed by 43 URL-safe characters carrying 256 random bits. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 hex: tokens are looked up by this digest, so the secret itself is never stored. */
    public static String digest(String secret) {
        return ContentHash.of(secret);
    }
}
