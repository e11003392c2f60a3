package io.ainstruct.domain.ingest;

import io.ainstruct.domain.document.DocumentType;

/** The text of a file, in markdown where the format has structure (headings become {@code #} lines), and its type. */
public record ExtractedText(String text, DocumentType type) {
}
