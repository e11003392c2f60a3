package io.ainstruct.adapter.embedding;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import io.ainstruct.domain.port.Tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts and cuts text in cl100k_base tokens, the encoding of the models that read our chunks.
 * Special-token strings such as {@code <|endoftext|>} are ordinary text here: documents are data.
 *
 * <p>Thread-safe: jtokkit encodings are immutable.
 */
public final class JtokkitTokenizer implements Tokenizer {

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /**
     * Cuts {@code text} into consecutive pieces of at most {@code maxTokens} tokens each; joined,
     * they give back the text.
     *
     * <p>A window of tokens cannot be cut just anywhere: a token boundary may fall inside a
     * multi-byte character (emoji, CJK), and text cut mid-word can encode to more tokens on its own
     * than it took inside the whole. So each piece ends at the last token boundary that is also a
     * character boundary and whose text, encoded alone, still fits. Only when {@code maxTokens} is
     * smaller than the tokens of a single character (at most 4) does a piece hold that one character
     * and exceed the limit.
     */
    @Override
    public List<String> split(String text, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        IntArrayList tokens = encoding.encodeOrdinary(text);
        byte[] bytes = encoding.decodeBytes(tokens);
        int[] tokenEnds = tokenEnds(tokens);
        List<String> pieces = new ArrayList<>();
        int startToken = 0;
        int startByte = 0;
        while (startToken < tokens.size()) {
            int end = Math.min(startToken + maxTokens, tokens.size());
            while (end > startToken && !cleanCut(bytes, startByte, tokenEnds[end - 1], maxTokens)) {
                end--;
            }
            if (end == startToken) {
                end = nextCharacterBoundary(bytes, tokenEnds, startToken);
            }
            int endByte = tokenEnds[end - 1];
            pieces.add(new String(bytes, startByte, endByte - startByte, StandardCharsets.UTF_8));
            startToken = end;
            startByte = endByte;
        }
        return pieces;
    }

    /** The byte offset at which each token ends in the decoded text. */
    private int[] tokenEnds(IntArrayList tokens) {
        int[] ends = new int[tokens.size()];
        IntArrayList single = new IntArrayList(1);
        int offset = 0;
        for (int i = 0; i < tokens.size(); i++) {
            single.clear();
            single.add(tokens.get(i));
            offset += encoding.decodeBytes(single).length;
            ends[i] = offset;
        }
        return ends;
    }

    private boolean cleanCut(byte[] bytes, int startByte, int endByte, int maxTokens) {
        return isCharacterBoundary(bytes, endByte)
                && count(new String(bytes, startByte, endByte - startByte, StandardCharsets.UTF_8)) <= maxTokens;
    }

    /** The first token index after {@code startToken} that ends on a character boundary. */
    private static int nextCharacterBoundary(byte[] bytes, int[] tokenEnds, int startToken) {
        int end = startToken + 1;
        while (end < tokenEnds.length && !isCharacterBoundary(bytes, tokenEnds[end - 1])) {
            end++;
        }
        return end;
    }

    /** UTF-8 continuation bytes look like 10xxxxxx; any other byte starts a character. */
    private static boolean isCharacterBoundary(byte[] bytes, int offset) {
        return offset == bytes.length || (bytes[offset] & 0xC0) != 0x80;
    }
}
