package io.ainstruct.adapter.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The configured JWT signing secret: turned into key bytes here so the rule is the same wherever it is read.
 *
 * <p>Base64 (standard or URL-safe, padded or not) that decodes to at least {@value #MIN_BYTES} bytes is taken
 * as those bytes, which is what {@code openssl rand -base64 32} and {@link #generate()} give. Anything else is
 * taken as text, whose UTF-8 bytes must number at least {@value #MIN_BYTES}. Leading and trailing whitespace is
 * never part of the secret: it is usually the newline at the end of a file or an environment variable.
 */
public final class SigningSecret {

    /** HS256 needs a key of at least the hash's size (RFC 7518 §3.2). */
    public static final int MIN_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {
    }

    /** The key bytes of a configured secret; never echoes the secret in the error. */
    public static byte[] decode(String configured) {
        String secret = configured == null ? "" : configured.strip();
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the JWT signing secret is not set");
        }
        byte[] decoded = base64(secret);
        if (decoded.length >= MIN_BYTES) {
            return decoded;
        }
        byte[] text = secret.getBytes(StandardCharsets.UTF_8);
        if (text.length >= MIN_BYTES) {
            return text;
        }
        throw new IllegalArgumentException("the JWT signing secret is too short: give at least " + MIN_BYTES
                + " random bytes in base64 (e.g. `openssl rand -base64 32`) or a text of at least " + MIN_BYTES
                + " bytes; the one configured has " + text.length);
    }

    /** A new random {@value #MIN_BYTES}-byte secret, in the base64 form {@link #decode} reads back. */
    public static String generate() {
        byte[] bytes = new byte[MIN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * An upper estimate of the key's entropy: its length times the Shannon entropy of its byte frequencies. A repeated
     * or few-symbol key scores low however long it is; 32 random bytes score about 150 (never below 128 in 100,000
     * draws). Words score high, so a known phrase must be refused by name.
     */
    public static double estimatedEntropyBits(byte[] key) {
        int[] counts = new int[256];
        for (byte b : key) {
            counts[b & 0xff]++;
        }
        double bitsPerByte = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / key.length;
                bitsPerByte -= p * Math.log(p) / Math.log(2);
            }
        }
        return bitsPerByte * key.length;
    }

    /** The decoded bytes, or none when the text is not base64. */
    private static byte[] base64(String secret) {
        String standard = secret.replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(standard);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
