package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One token per whitespace-separated word; a piece carries the whitespace before its words. */
public final class WhitespaceTokenizer implements Tokenizer {
    private static final Pattern WORD = Pattern.compile("\\S+");

    @Override
    public int count(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public List<String> split(String text, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        List<String> pieces = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int start = 0;
        int words = 0;
        while (m.find()) {
            if (words == maxTokens) {
                pieces.add(text.substring(start, m.start()));
                start = m.start();
                words = 0;
            }
            words++;
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
