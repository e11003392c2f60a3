package io.ainstruct.adapter.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningSecretTest {

    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 - 100);
        }
    }

    @Test
    void decodesBase64InEitherAlphabetWithOrWithoutPadding() {
        String standard = Base64.getEncoder().encodeToString(KEY);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY);

        assertThat(standard).contains("=");
        assertThat(SigningSecret.decode(standard)).isEqualTo(KEY);
        assertThat(SigningSecret.decode(urlSafe)).isEqualTo(KEY);
        assertThat(SigningSecret.decode(standard.replace("=", ""))).isEqualTo(KEY);
    }

    @Test
    void ignoresSurroundingWhitespaceSuchAsAFilesLastNewline() {
        assertThat(SigningSecret.decode("  " + Base64.getEncoder().encodeToString(KEY) + "\n")).isEqualTo(KEY);
    }

    @Test
    void takesTextThatIsNotBase64AsItsUtf8Bytes() {
        String text = "this is a long passphrase, not base64!";

        assertThat(SigningSecret.decode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 base64 characters decode to only 24 bytes: too few as a key, so the text itself is used. */
    @Test
    void takesShortBase64AsTextWhenTheTextIsLongEnough() {
        String text = "abcdefghijklmnopqrstuvwxyz012345";

        assertThat(SigningSecret.decode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void refusesAMissingSecret(String missing) {
        assertThatThrownBy(() -> SigningSecret.decode(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "changeme-changeme-changeme-1234", "c2VjcmV0"})
    void refusesAShortSecretWithoutEchoingIt(String tooShort) {
        assertThatThrownBy(() -> SigningSecret.decode(tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void generatesA32ByteSecretThatDecodesBack() {
        String generated = SigningSecret.generate();

        assertThat(Base64.getDecoder().decode(generated)).hasSize(32);
        assertThat(SigningSecret.decode(generated)).isEqualTo(Base64.getDecoder().decode(generated));
        assertThat(SigningSecret.generate()).isNotEqualTo(generated);
    }

    @Test
    void aDecodedSecretIsAcceptedForSigning() {
        byte[] key = SigningSecret.decode(SigningSecret.generate());

        assertThat(new JwtAccessTokens(key, "ainstruct").issue(io.ainstruct.domain.user.UserId.random(), "0123456789abcdef",
                java.time.Instant.now()).value()).isNotBlank();
    }

    @Test
    void aRepeatedOrFewSymbolKeyIsEstimatedLowWhateverItsLength() {
        assertThat(SigningSecret.estimatedEntropyBits("a".repeat(64).getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(SigningSecret.estimatedEntropyBits("password".repeat(4).getBytes(StandardCharsets.UTF_8)))
                .isLessThan(128);
        assertThat(SigningSecret.estimatedEntropyBits(SigningSecret.decode(SigningSecret.generate())))
                .isGreaterThanOrEqualTo(128);
    }
}
