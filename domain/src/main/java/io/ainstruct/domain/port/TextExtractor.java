package io.ainstruct.domain.port;

import io.ainstruct.domain.ingest.ExtractedText;
import io.ainstruct.domain.ingest.SourceFile;

/** Text out of a file, by its type (PDF, DOCX, HTML, markdown, text, JSON, YAML, source code). */
public interface TextExtractor {

    /** Throws {@code Unreadable} with the reason when the file holds no text this service can store. */
    ExtractedText extract(SourceFile file);
}
