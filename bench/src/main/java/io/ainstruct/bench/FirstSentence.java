package io.ainstruct.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that makes the one-sentence documents of the retrieval benchmark: the text up to and including the first
 * '.', '?' or '!' that is followed by white space and an upper-case letter or a digit, and that ends at least 20
 * characters in (so that "e.g." or "Fig. 2" at the very start do not end the sentence); the whole text when no such
 * mark exists.
 */
final class FirstSentence {
    private static final int SHORTEST = 20;
    private static final Pattern END = Pattern.compile("[.?!](?=\\s+[\\p{Lu}\\d])");

    private FirstSentence() {
    }

    static String of(String text) {
        String trimmed = text.strip();
        Matcher end = END.matcher(trimmed);
        while (end.find()) {
            if (end.end() >= SHORTEST) {
                return trimmed.substring(0, end.end());
            }
        }
        return trimmed;
    }
}
