package io.ainstruct.domain.migration;

import io.ainstruct.domain.document.Document;

/**
 * A document on its way in from a legacy database. Its content travels as the UTF-8 bytes the legacy file stored
 * (checked to be valid UTF-8 without U+0000), so that hundreds of megabytes are neither decoded nor encoded again on
 * the way; {@code document} carries every other field, and no content.
 */
public record ImportedDocument(Document document, byte[] contentUtf8) {
}
