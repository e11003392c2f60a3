package io.ainstruct.adapter.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JtokkitTokenizerTest {

    private static final JtokkitTokenizer TOKENIZER = new JtokkitTokenizer();

    private static final String UNICODE = "Grüße aus Köln! 👩‍💻 codes at 東京 and 北京 🚀🎉; naïve façade, "
            + "日本語のテキストは分割されます。한국어 문장도 있습니다. Ελληνικά και русский текст. "
            + "Flags 🇫🇷🇯🇵, skin tones 👍🏽, math ∑∫√ and combining marks: e\u0301 a\u0308.";

    @Test
    void countsKnownStrings() {
        assertThat(TOKENIZER.count("")).isZero();
        assertThat(TOKENIZER.count("hello world")).isEqualTo(2);
        assertThat(TOKENIZER.count("The quick brown fox jumps over the lazy dog.")).isEqualTo(10);
    }

    @Test
    void treatsSpecialTokenTextAsOrdinaryText() {
        assertThat(TOKENIZER.count("before <|endoftext|> after")).isGreaterThan(3);
    }

    @Test
    void splitOfEmptyTextIsEmpty() {
        assertThat(TOKENIZER.split("", 10)).isEmpty();
    }

    @Test
    void rejectsNonPositiveWindow() {
        assertThatThrownBy(() -> TOKENIZER.split("text", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsAsciiIntoFullWindows() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(30);

        List<String> pieces = TOKENIZER.split(text, 16);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).allSatisfy(piece -> assertThat(TOKENIZER.count(piece)).isBetween(1, 16));
        assertThat(pieces.size()).isLessThanOrEqualTo(TOKENIZER.count(text) / 16 + 3);
    }

    @Test
    void singleTokenWindowsCoverAsciiText() {
        String text = "hello world, again";

        List<String> pieces = TOKENIZER.split(text, 1);

        assertThat(pieces).hasSize(TOKENIZER.count(text));
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 7, 13, 50, 1000})
    void splitRoundTripsUnicodeWithinTheLimit(int maxTokens) {
        List<String> pieces = TOKENIZER.split(UNICODE, maxTokens);

        assertThat(String.join("", pieces)).isEqualTo(UNICODE);
        assertThat(pieces).allSatisfy(piece -> {
            assertThat(piece).isNotEmpty();
            assertThat(TOKENIZER.count(piece)).isLessThanOrEqualTo(maxTokens);
            // No piece starts or ends inside a surrogate pair.
            assertThat(Character.isLowSurrogate(piece.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
        });
    }

    @Test
    void singleTokenWindowsKeepMultiTokenCharactersWhole() {
        List<String> pieces = TOKENIZER.split("a👩‍💻b東京", 1);

        assertThat(String.join("", pieces)).isEqualTo("a👩‍💻b東京");
        assertThat(pieces).noneMatch(piece -> piece.contains("\uFFFD"));
    }
}
