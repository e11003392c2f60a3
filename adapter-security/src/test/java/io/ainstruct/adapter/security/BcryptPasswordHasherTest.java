package io.ainstruct.adapter.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BcryptPasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    /** Cost 4 keeps the suite fast; the fixed cost-12 hash below proves the real setting verifies. */
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void hashesThenVerifies() {
        String hash = hasher.hash(PASSWORD);

        assertThat(hash).startsWith("$2b$04$").hasSize(60);
        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
    }

    @Test
    void refusesAWrongPassword() {
        String hash = hasher.hash(PASSWORD);

        assertThat(hasher.matches("correct horse battery stapl", hash)).isFalse();
        assertThat(hasher.matches("Correct horse battery staple", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    /** Made by Python bcrypt 3.2.2 ({@code bcrypt.hashpw(pw, bcrypt.gensalt(12))}) and passlib 1.7.4. */
    @ParameterizedTest
    @ValueSource(strings = {
            "$2b$12$kftp7ZZdh5rcXChietgcRe2JPoXuSiTeKnJxJG6alRyc/WoWCb.ve",
            "$2b$12$hIbnlIS/6oQZ/GdpZxSsJOnwRvWu38F4UVKccHAAV.Y37S1hNAMXO",
    })
    void verifiesCost12HashesFromPython(String pythonHash) {
        BcryptPasswordHasher production = new BcryptPasswordHasher();

        assertThat(production.matches(PASSWORD, pythonHash)).isTrue();
        assertThat(production.matches("not the password", pythonHash)).isFalse();
        assertThat(production.needsRehash(pythonHash)).isFalse();
    }

    /** passlib's {@code bcrypt.using(rounds=4, ident=...)}: every identifier the legacy service could have stored. */
    @ParameterizedTest
    @ValueSource(strings = {
            "$2a$04$axtHaJ1OoMMDZKNiEVqTXeDLzgB635Qa4NaYFEdzmjHjI5PTCOZri",
            "$2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",
            "$2y$04$1UWxKwFIADpynZ4ZBIniLeBjRye5sy30yyV/T4yedit1MPpnF.2DG",
    })
    void verifiesEveryIdentifierPasslibWrites(String passlibHash) {
        assertThat(hasher.matches(PASSWORD, passlibHash)).isTrue();
        assertThat(hasher.matches(PASSWORD + "!", passlibHash)).isFalse();
    }

    @Test
    void verifiesTheSameDigestUnderEachIdentifier() {
        String b = "$2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC";

        assertThat(hasher.matches(PASSWORD, "$2a" + b.substring(3))).isTrue();
        assertThat(hasher.matches(PASSWORD, "$2y" + b.substring(3))).isTrue();
    }

    /** Python's {@code crypt.crypt(pw, crypt.mksalt(METHOD_BLOWFISH, rounds=16))}, as the legacy fixture builds users. */
    @Test
    void verifiesAHashFromLibxcrypt() {
        assertThat(hasher.matches("password-1", "$2b$04$4FzTPasRlg6gmzBT3NjhUe915xj5qObh7bOxf/xj4b7EXY7vtzO7.")).isTrue();
    }

    @Test
    void hashesUnicodeAsUtf8LikePython() {
        String password = "pässwörd-日本語-🔑";
        String pythonHash = "$2b$04$GWVVxPe3J9xYroKO7hcQhOY4fDaFPhwie1MVPr01UMtoCAYd5Do6a";

        assertThat(hasher.matches(password, pythonHash)).isTrue();
        assertThat(hasher.matches("passwörd-日本語-🔑", pythonHash)).isFalse();
        assertThat(hasher.matches(password, hasher.hash(password))).isTrue();
        assertThat(hasher.matches("pässwörd-日本語-🔒", hasher.hash(password))).isFalse();
    }

    @Test
    void verifiesPythonHashesOfEmptyAnd71And72BytePasswords() {
        assertThat(hasher.matches("", "$2b$04$NqBlD7aoSgDCJanyZyooHO9nCOeePnjO/WJtrwD/WHtagRpNkNj1O")).isTrue();
        assertThat(hasher.matches("b".repeat(71), "$2b$04$hr3wHZBxbTvo.G9yeA6P1uPic.lprPalD5fTvfn/OHD0FHDtu4TgK")).isTrue();
        assertThat(hasher.matches("b".repeat(72), "$2b$04$PFf/TCSRPVfqRW7vG4wQauYkKOnjtlxVcU/.7nux6YcOat1V1z2nC")).isTrue();
        assertThat(hasher.matches("b".repeat(71), "$2b$04$PFf/TCSRPVfqRW7vG4wQauYkKOnjtlxVcU/.7nux6YcOat1V1z2nC")).isFalse();
    }

    /** Python bcrypt 3.x hashed only the first 72 bytes; those hashes must still verify, and ours behave alike. */
    @Test
    void truncatesPasswordsToTheFirst72BytesLikeLegacyPython() {
        String pythonHash = "$2b$04$plq6nEH1Ojh08zzz/aOK8OI4Hpc8bGczOkz8CANFHQfvmiXrY2c7O"; // of "a" * 72 + "tail-beyond-72"

        assertThat(hasher.matches("a".repeat(72) + "tail-beyond-72", pythonHash)).isTrue();
        assertThat(hasher.matches("a".repeat(72), pythonHash)).isTrue();
        assertThat(hasher.matches("a".repeat(71), pythonHash)).isFalse();

        String ours = hasher.hash("a".repeat(72) + "tail-beyond-72");
        assertThat(hasher.matches("a".repeat(72) + "something else", ours)).isTrue();
    }

    /** "é" is two bytes in UTF-8: 37 of them are 74 bytes, cut after the 36th as Python cut them. */
    @Test
    void truncatesBytesNotCharacters() {
        String pythonHash = "$2b$04$uxr/4GevqY1daYLoY7NoXeCtaD3pxq/di.EOxCSiwD1gT/PGO8wWC"; // of "é" * 37

        assertThat(hasher.matches("é".repeat(37), pythonHash)).isTrue();
        assertThat(hasher.matches("é".repeat(36), pythonHash)).isTrue();
        assertThat(hasher.matches("é".repeat(35), pythonHash)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "not a hash",
            "$2b$04$",
            "$2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJu",   // one character short
            "$2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuCC", // one too many
            "$2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJu!",  // outside the alphabet
            "$2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJu_",  // inside 'A'..'z' but not bcrypt's
            "$2b$03$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",  // cost below bcrypt's minimum
            "$2b$32$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",  // cost above its maximum
            "$2b$-4$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",
            "$2b$4$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuCx",
            "$2x$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",  // crypt_blowfish's buggy variant
            "$2c$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",
            "$2$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuCx",
            " $2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC",
            "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "pbkdf2_sha256$260000$salt$hash",
            "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
    })
    void malformedOrForeignHashesNeverMatchAndNeverThrow(String hash) {
        assertThat(hasher.matches(PASSWORD, hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "12, $2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC, true",  // weaker than configured
            "4,  $2b$04$7Gns/.Fg1WMVM10cBNnNPOci9OXceTRV.KSk4wQuLBnVsfWBquJuC, false",
            "4,  $2b$12$kftp7ZZdh5rcXChietgcRe2JPoXuSiTeKnJxJG6alRyc/WoWCb.ve, false", // stronger: never downgrade
            "4,  $2a$04$axtHaJ1OoMMDZKNiEVqTXeDLzgB635Qa4NaYFEdzmjHjI5PTCOZri, true",  // not what we write today
            "4,  $2y$04$1UWxKwFIADpynZ4ZBIniLeBjRye5sy30yyV/T4yedit1MPpnF.2DG, true",
    })
    void needsRehashWhenWeakerOrNotOurCurrentFormat(int configuredCost, String hash, boolean expected) {
        assertThat(new BcryptPasswordHasher(configuredCost).needsRehash(hash)).isEqualTo(expected);
    }

    @Test
    void aFreshHashNeedsNoRehash() {
        assertThat(hasher.needsRehash(hasher.hash(PASSWORD))).isFalse();
    }

    @Test
    void defaultsToCost12() {
        assertThat(BcryptPasswordHasher.DEFAULT_COST).isEqualTo(12);
        assertThat(new BcryptPasswordHasher().needsRehash(hasher.hash(PASSWORD))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 32})
    void refusesACostBcryptDoesNotHave(int cost) {
        assertThatThrownBy(() -> new BcryptPasswordHasher(cost))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 4 and 31");
    }
}
