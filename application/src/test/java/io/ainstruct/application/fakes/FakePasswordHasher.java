package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.PasswordHasher;

/** "plain:" + password today; "legacy:" + password is what an imported database holds, and asks for a rehash. */
public final class FakePasswordHasher implements PasswordHasher {
    public static final String CURRENT = "plain:";
    public static final String LEGACY = "legacy:";

    @Override
    public String hash(String password) {
        return CURRENT + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.equals(CURRENT + password) || hash.equals(LEGACY + password);
    }

    @Override
    public boolean needsRehash(String hash) {
        return hash.startsWith(LEGACY);
    }
}
