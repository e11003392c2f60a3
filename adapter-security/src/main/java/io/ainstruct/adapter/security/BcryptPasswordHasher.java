package io.ainstruct.adapter.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import io.ainstruct.domain.port.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt, compatible with the hashes the Python service stored ({@code bcrypt}, passlib, libxcrypt).
 *
 * <p>Passwords longer than 72 bytes are truncated to 72 bytes, both when hashing and when verifying.
 * That is what bcrypt itself does with its key (OpenBSD, libxcrypt, Python {@code bcrypt} before 4.1),
 * so every legacy hash of a long password still verifies. Newer Python {@code bcrypt} refuses such
 * passwords instead; refusing is a policy for the use case (a length rule on registration), not for
 * the hash function, so nothing is refused here.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    public static final int DEFAULT_COST = 12;

    /**
     * 2a, 2b and 2y compute the same function for any password under 255 bytes (all of ours: we cut at 72).
     * 2x (crypt_blowfish's sign-extension bug) is left out: the library would verify it as 2a, which is wrong
     * for non-ASCII passwords.
     */
    private static final Pattern SUPPORTED = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final String CURRENT_PREFIX = "$2b$";

    private static final LongPasswordStrategy TRUNCATE = LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2B);
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(null, TRUNCATE);

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2B, TRUNCATE);

    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException(
                    "bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST + ", was " + cost);
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return new String(hasher.hash(cost, utf8(password)), StandardCharsets.US_ASCII);
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || costOf(hash) < 0) {
            return false;
        }
        // costOf vetted the format, so the library parses it without complaint;
        // it compares the digests in constant time.
        return VERIFYER.verify(utf8(password), hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    @Override
    public boolean needsRehash(String hash) {
        return costOf(hash) < cost || !hash.startsWith(CURRENT_PREFIX);
    }

    /** The cost of a hash we can verify, or -1 for anything else. */
    private static int costOf(String hash) {
        if (hash == null) {
            return -1;
        }
        Matcher m = SUPPORTED.matcher(hash);
        if (!m.matches()) {
            return -1;
        }
        int parsed = Integer.parseInt(m.group(1));
        return parsed >= BCrypt.MIN_COST && parsed <= BCrypt.MAX_COST ? parsed : -1;
    }

    /**
     * Python encodes {@code str} passwords as UTF-8 before hashing, so the same bytes must go in here.
     * (A lone surrogate, impossible in a Python {@code str} from a form, becomes '?'.)
     */
    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
