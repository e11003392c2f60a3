package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.ingest.ExtractedText;
import io.ainstruct.domain.ingest.SourceFile;
import io.ainstruct.domain.ingest.Unreadable;
import io.ainstruct.domain.port.TextExtractor;

/**
 * The {@link TextExtractor} on PDFBox, Apache POI and jsoup; every other known type is UTF-8 text stored as it is.
 * A file whose extension names no known type is refused rather than guessed at.
 */
public final class FileTextExtractor implements TextExtractor {

    @Override
    public ExtractedText extract(SourceFile file) {
        if (file.size() == 0) {
            throw new Unreadable("empty file");
        }
        DocumentType type = FileTypes.of(file.name()).orElseThrow(() -> new Unreadable(
                "unsupported file type: " + file.name() + " (PDF, DOCX, HTML, markdown, text, JSON, YAML or source code)"));
        String text = switch (type) {
            case PDF -> PdfText.of(file.bytes());
            case DOCX -> DocxText.of(file.bytes());
            case HTML -> HtmlText.of(Utf8Text.decode(file.bytes()));
            default -> Utf8Text.decode(file.bytes());
        };
        if (text.isBlank()) {
            throw new Unreadable("the file holds no text");
        }
        return new ExtractedText(text, type);
    }
}
