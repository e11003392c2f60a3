package io.ainstruct.domain.document;

import io.ainstruct.domain.error.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum DocumentType {
    MARKDOWN, TEXT, HTML, JSON, PDF, DOCX;

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
