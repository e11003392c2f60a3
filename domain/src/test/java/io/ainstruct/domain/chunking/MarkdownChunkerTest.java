package io.ainstruct.domain.chunking;

import io.ainstruct.domain.port.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownChunkerTest {

    private static final Tokenizer WORDS = new WhitespaceTokenizer();

    @Test
    void emptyOrBlankInputGivesNoChunks() {
        MarkdownChunker chunker = chunker(10, 2);

        assertThat(chunker.chunk("")).isEmpty();
        assertThat(chunker.chunk(" \n\t\n  \n")).isEmpty();
        assertThat(chunker.chunk(null)).isEmpty();
    }

    @Test
    void smallSectionsArePackedIntoOneChunk() {
        String doc = section("Intro", 5, "a") + section("Usage", 5, "b") + section("Notes", 5, "c");

        List<TextChunk> chunks = chunker(100, 10).chunk(doc);

        assertThat(chunks).containsExactly(new TextChunk(doc, WORDS.count(doc)));
    }

    @Test
    void sectionsThatDoNotFitTogetherStartAtTheirHeadings() {
        String doc = section("One", 30, "a") + section("Two", 30, "b") + "## Three\n" + words(30, "c") + "\n";

        List<TextChunk> chunks = chunker(40, 0).chunk(doc);

        assertValid(chunks, 40);
        assertThat(chunks).extracting(TextChunk::content)
                .containsExactly(section("One", 30, "a"), section("Two", 30, "b"), "## Three\n" + words(30, "c") + "\n");
    }

    @Test
    void packsAsManySectionsAsFitBeforeStartingANewChunk() {
        // Five sections of 11 words (heading included): three fit in 40 tokens, the other two in the next chunk.
        String doc = IntStream.range(0, 5).mapToObj(i -> section("S" + i, 9, "w" + i)).collect(Collectors.joining());

        List<TextChunk> chunks = chunker(40, 0).chunk(doc);

        assertValid(chunks, 40);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).content()).startsWith("# S0").contains("# S2").doesNotContain("# S3");
        assertThat(chunks.get(1).content()).startsWith("# S3").contains("# S4");
    }

    @Test
    void consecutiveChunksOverlap() {
        String doc = IntStream.range(0, 6).mapToObj(i -> section("Part " + i, 30, "p" + i)).collect(Collectors.joining());

        List<TextChunk> chunks = chunker(50, 8).chunk(doc);

        assertValid(chunks, 50);
        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 1; i < chunks.size(); i++) {
            String overlap = overlap(chunks.get(i - 1).content(), chunks.get(i).content());
            assertThat(WORDS.count(overlap)).as("overlap before chunk %d", i).isBetween(4, 8);
        }
        assertThat(withoutOverlaps(chunks)).isEqualTo(doc);
    }

    @Test
    void oversizedSectionIsSplitByLines() {
        List<String> lines = IntStream.range(0, 20).mapToObj(i -> words(10, "l" + i + "_") + "\n").toList();
        String doc = "# Big\n" + String.join("", lines);

        List<TextChunk> chunks = chunker(45, 5).chunk(doc);

        assertValid(chunks, 45);
        assertThat(chunks).hasSizeGreaterThan(4);
        // Apart from the overlap, which may start mid-line, every chunk is made of whole lines.
        for (int i = 1; i < chunks.size(); i++) {
            String overlap = overlap(chunks.get(i - 1).content(), chunks.get(i).content());
            assertThat(chunks.get(i).content().substring(overlap.length())).startsWith("l").endsWith("\n");
        }
        assertThat(withoutOverlaps(chunks)).isEqualTo(doc);
    }

    @Test
    void oversizedLineIsSplitByTokens() {
        String doc = "# Minified\n" + words(500, "t") + "\n";

        List<TextChunk> chunks = chunker(100, 10).chunk(doc);

        assertValid(chunks, 100);
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(WORDS.count(overlap(chunks.get(i - 1).content(), chunks.get(i).content()))).isBetween(5, 10);
        }
        assertThat(withoutOverlaps(chunks)).isEqualTo(doc);
    }

    @Test
    void keepsUnicodeIntact() {
        // Numbered words, so that no stretch of text repeats and overlaps can be told apart.
        String line1 = IntStream.range(0, 40).mapToObj(i -> "Grüße🙂" + i + " 👩‍💻東京" + i + " 日本語のテキスト" + i)
                .collect(Collectors.joining(" "));
        String line2 = IntStream.range(0, 40).mapToObj(i -> "漢字" + i + " 🎉🎉" + i + " 한국어" + i)
                .collect(Collectors.joining(" "));
        String doc = "# Café ☕\n" + line1 + "\n## 第二章 🚀\n" + line2 + "\n";

        List<TextChunk> chunks = chunker(30, 5).chunk(doc);

        assertValid(chunks, 30);
        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(withoutOverlaps(chunks)).isEqualTo(doc);
    }

    @Test
    void hashLinesInsideCodeFencesAreNotHeadings() {
        // Were the '#' lines in code taken for headings, the first lines of each code section
        // would be packed with the 17-token section before it.
        String intro = section("Intro", 15, "a");
        String backticks = "# Install\n```bash\n# not a heading\n## nor this\necho hi\n```\n";
        String more = section("More", 15, "m");
        String tildes = "# Tilde\n~~~\n# still code\n~~~\n";

        List<TextChunk> chunks = chunker(20, 0).chunk(intro + backticks + more + tildes);

        assertValid(chunks, 20);
        assertThat(chunks).extracting(TextChunk::content).containsExactly(intro, backticks, more, tildes);
    }

    @Test
    void headingNeedsABlankAfterOneToSixHashes() {
        String doc = "#hashtag is text\n" + words(20, "a") + "\n####### seven hashes is text\n" + words(20, "b") + "\n";

        List<TextChunk> chunks = chunker(30, 0).chunk(doc);

        // One oversized section, split by lines: the '#######' line packs with the lines before it.
        assertValid(chunks, 30);
        assertThat(chunks).extracting(TextChunk::content)
                .containsExactly("#hashtag is text\n" + words(20, "a") + "\n####### seven hashes is text\n", words(20, "b") + "\n");
    }

    @Test
    void leadingAndTrailingWhitespaceNeverMakesABlankChunk() {
        String doc = "\n\n   \n" + section("A", 9, "a") + "\n\n\n" + section("B", 9, "b") + "\n   \n\n";

        List<TextChunk> chunks = chunker(12, 3).chunk(doc);

        assertValid(chunks, 12);
        assertThat(chunks).hasSize(2);
    }

    @Test
    void theWorkStaysLinearInTheDocumentsLengthForOneCharacterLines() {
        String doc = "a\n".repeat(500_000);
        ReadingTokenizer reading = new ReadingTokenizer(WORDS);

        List<TextChunk> chunks = new MarkdownChunker(reading, new ChunkingPolicy(512, 64)).chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(1000).allSatisfy(chunk ->
                assertThat(chunk.tokenCount()).isEqualTo(WORDS.count(chunk.content())).isLessThanOrEqualTo(512));
        // Measuring each added line against the whole chunk read the text ~256 times over.
        assertThat(reading.charactersRead).isLessThan(16L * doc.length());
    }

    @Test
    void packingByRunsFillsEveryChunkAndKeepsEveryCharacterInOrder() {
        java.util.Random random = new java.util.Random(42);
        StringBuilder doc = new StringBuilder();
        for (int line = 0; line < 2_000; line++) {
            doc.append("l").append(line).append("x".repeat(random.nextInt(36))).append('\n');
        }
        Tokenizer quarters = new QuarterTokenizer();

        List<TextChunk> chunks = new MarkdownChunker(quarters, new ChunkingPolicy(100, 12)).chunk(doc.toString());

        assertThat(chunks).hasSizeGreaterThan(10).allSatisfy(chunk ->
                assertThat(chunk.tokenCount()).isEqualTo(quarters.count(chunk.content())).isLessThanOrEqualTo(100));
        // Counts of four characters a token are not additive (ceil(a/4) + ceil(b/4) > ceil((a+b)/4)), so the
        // pieces' sum underestimates what fits: a chunk ends only when the next line of at most 11 tokens fails.
        chunks.subList(0, chunks.size() - 1).forEach(chunk -> assertThat(chunk.tokenCount()).isGreaterThan(100 - 11));
        assertThat(withoutOverlaps(chunks)).isEqualTo(doc.toString());
    }

    // --- helpers ---

    private static MarkdownChunker chunker(int maxTokens, int overlapTokens) {
        return new MarkdownChunker(WORDS, new ChunkingPolicy(maxTokens, overlapTokens));
    }

    private static void assertValid(List<TextChunk> chunks, int maxTokens) {
        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> {
            assertThat(chunk.content()).isNotBlank();
            assertThat(chunk.tokenCount()).isEqualTo(WORDS.count(chunk.content())).isLessThanOrEqualTo(maxTokens);
        });
    }

    private static String section(String heading, int wordCount, String prefix) {
        return "# " + heading + "\n" + words(wordCount, prefix) + "\n";
    }

    /** Distinct words, so that overlaps can be found without ambiguity. */
    private static String words(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    /** The longest suffix of {@code previous} that {@code next} starts with. */
    private static String overlap(String previous, String next) {
        for (int length = Math.min(previous.length(), next.length()); length > 0; length--) {
            if (previous.endsWith(next.substring(0, length))) {
                return next.substring(0, length);
            }
        }
        return "";
    }

    private static String withoutOverlaps(List<TextChunk> chunks) {
        StringBuilder text = new StringBuilder(chunks.get(0).content());
        for (int i = 1; i < chunks.size(); i++) {
            String next = chunks.get(i).content();
            text.append(next.substring(overlap(chunks.get(i - 1).content(), next).length()));
        }
        return text.toString();
    }

    /** One token per run of non-whitespace characters; whitespace belongs to the token before it. */
    static final class WhitespaceTokenizer implements Tokenizer {

        private static final Pattern WORD = Pattern.compile("\\S+");

        @Override
        public int count(String text) {
            return (int) WORD.matcher(text).results().count();
        }

        @Override
        public List<String> split(String text, int maxTokens) {
            List<String> pieces = new ArrayList<>();
            Matcher word = WORD.matcher(text);
            int start = 0;
            int words = 0;
            while (word.find()) {
                if (words == maxTokens) {
                    pieces.add(text.substring(start, word.start()));
                    start = word.start();
                    words = 0;
                }
                words++;
            }
            if (start < text.length()) {
                pieces.add(text.substring(start));
            }
            return pieces;
        }
    }

    /** Counts the characters a chunker hands to the tokenizer: the chunker's cost. */
    private static final class ReadingTokenizer implements Tokenizer {

        private final Tokenizer tokenizer;
        long charactersRead;

        ReadingTokenizer(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        @Override
        public int count(String text) {
            charactersRead += text.length();
            return tokenizer.count(text);
        }

        @Override
        public List<String> split(String text, int maxTokens) {
            charactersRead += text.length();
            return tokenizer.split(text, maxTokens);
        }
    }

    /** One token per four characters, as a rough BPE would count: monotone, but not additive. */
    private static final class QuarterTokenizer implements Tokenizer {

        @Override
        public int count(String text) {
            return (text.length() + 3) / 4;
        }

        @Override
        public List<String> split(String text, int maxTokens) {
            List<String> pieces = new ArrayList<>();
            for (int start = 0; start < text.length(); start += 4 * maxTokens) {
                pieces.add(text.substring(start, Math.min(text.length(), start + 4 * maxTokens)));
            }
            return pieces;
        }
    }
}
