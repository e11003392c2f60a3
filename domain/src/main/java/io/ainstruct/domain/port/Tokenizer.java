package io.ainstruct.domain.port;

import java.util.List;

/** Counts tokens the way the language models that read our chunks do (cl100k_base). */
public interface Tokenizer {

    int count(String text);

    /** Cuts {@code text} into consecutive pieces of at most {@code maxTokens} tokens each; joined, they give back the text. */
    List<String> split(String text, int maxTokens);
}
