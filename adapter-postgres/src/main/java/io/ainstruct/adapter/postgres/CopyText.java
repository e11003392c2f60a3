package io.ainstruct.adapter.postgres;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.UUID;

/** Writes one row of PostgreSQL's COPY text format: tab-separated, {@code \N} for NULL, backslash escapes. */
final class CopyText {
    private final Writer out;
    private boolean firstColumn = true;

    CopyText(Writer out) {
        this.out = out;
    }

    CopyText text(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (escape != null) {
                out.write(value, start, i - start);
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(value, start, length - start);
        return this;
    }

    CopyText uuid(UUID value) throws IOException {
        return text(value == null ? null : value.toString());
    }

    CopyText bool(boolean value) throws IOException {
        return text(value ? "t" : "f");
    }

    CopyText number(long value) throws IOException {
        return text(Long.toString(value));
    }

    CopyText timestamp(Instant value) throws IOException {
        return text(value == null ? null : value.toString());
    }

    void endRow() throws IOException {
        out.write('\n');
        firstColumn = true;
    }

    private void separate() throws IOException {
        if (!firstColumn) {
            out.write('\t');
        }
        firstColumn = false;
    }
}
