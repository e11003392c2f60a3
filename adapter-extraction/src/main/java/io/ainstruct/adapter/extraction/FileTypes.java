package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.document.DocumentType;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/** Which document type a file is, by its extension: the types of the Python service plus PDF and DOCX. */
final class FileTypes {
    private static final Map<String, DocumentType> BY_EXTENSION = Map.ofEntries(
            entry("md", DocumentType.MARKDOWN), entry("markdown", DocumentType.MARKDOWN),
            entry("txt", DocumentType.TEXT), entry("text", DocumentType.TEXT), entry("log", DocumentType.TEXT),
            entry("csv", DocumentType.TEXT), entry("rst", DocumentType.TEXT),
            entry("html", DocumentType.HTML), entry("htm", DocumentType.HTML),
            entry("css", DocumentType.CSS),
            entry("js", DocumentType.JAVASCRIPT), entry("mjs", DocumentType.JAVASCRIPT), entry("cjs", DocumentType.JAVASCRIPT),
            entry("jsx", DocumentType.JAVASCRIPT),
            entry("ts", DocumentType.TYPESCRIPT), entry("tsx", DocumentType.TYPESCRIPT),
            entry("json", DocumentType.JSON),
            entry("py", DocumentType.PYTHON),
            entry("java", DocumentType.JAVA),
            entry("php", DocumentType.PHP),
            entry("rs", DocumentType.RUST),
            entry("go", DocumentType.GO),
            entry("c", DocumentType.CPP), entry("h", DocumentType.CPP), entry("cc", DocumentType.CPP),
            entry("cpp", DocumentType.CPP), entry("cxx", DocumentType.CPP), entry("hpp", DocumentType.CPP),
            entry("sql", DocumentType.SQL),
            entry("xml", DocumentType.XML),
            entry("yaml", DocumentType.YAML), entry("yml", DocumentType.YAML),
            entry("vue", DocumentType.VUE),
            entry("sass", DocumentType.SASS), entry("scss", DocumentType.SASS),
            entry("liquid", DocumentType.LIQUID),
            entry("jinja", DocumentType.JINJA), entry("j2", DocumentType.JINJA),
            entry("wast", DocumentType.WAST), entry("wat", DocumentType.WAST),
            entry("pdf", DocumentType.PDF),
            entry("docx", DocumentType.DOCX));

    private FileTypes() {
    }

    static Optional<DocumentType> of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
