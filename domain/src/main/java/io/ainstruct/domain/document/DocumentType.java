package io.ainstruct.domain.document;

import io.ainstruct.domain.error.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of text a document holds: the 22 of the Python service (its editor's languages, so its data imports and
 * its clients' requests are accepted as they are) and the two that come from files, {@code pdf} and {@code docx}.
 */
public enum DocumentType {
    MARKDOWN, TEXT, HTML, CSS, JAVASCRIPT, TYPESCRIPT, JSON, PYTHON, JAVA, PHP, RUST, GO, CPP, SQL, XML, YAML, VUE,
    ANGULAR, SASS, LIQUID, JINJA, WAST, PDF, DOCX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentType parse(String field, String text) {
        if (text == null) {
            return MARKDOWN;
        }
        for (DocumentType type : values()) {
            if (type.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new InvalidInput(field, "must be one of " + Arrays.stream(values())
                .map(DocumentType::wireName).collect(Collectors.joining(", ")));
    }
}
