package io.ainstruct.domain.port;

public interface PasswordHasher {

    String hash(String password);

    /** Verifies against any hash this service or the legacy service produced; in time independent of where they differ. */
    boolean matches(String password, String hash);

    /** True when {@code hash} was made with weaker settings than today's and should be replaced at the next login. */
    boolean needsRehash(String hash);
}
