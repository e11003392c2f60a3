package io.ainstruct.application.document;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.TooLarge;

import java.nio.charset.StandardCharsets;

/** Rules on document content shared by storing and updating. */
final class DocumentRules {
    private DocumentRules() {
    }

    static void requireContent(String content) {
        if (content == null) {
            throw new InvalidInput("content", "is required");
        }
        if (content.isBlank()) {
            throw new InvalidInput("content", "must not be blank");
        }
    }

    static void requireWithinLimit(String content, long maxContentBytes) {
        // Cheap bound first: a UTF-8 byte is at least one char, and at most three per char.
        if ((long) content.length() * 3 <= maxContentBytes) {
            return;
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > maxContentBytes) {
            throw new TooLarge(ErrorCode.DOCUMENT_TOO_LARGE,
                    "content exceeds the limit of " + maxContentBytes + " bytes", maxContentBytes);
        }
    }
}
