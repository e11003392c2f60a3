package io.ainstruct.adapter.postgres.migration;

import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes rows of PostgreSQL's COPY text format: tab-separated, {@code \N} for NULL, backslash escapes. Text is
 * encoded to UTF-8 once and escaped byte by byte (the escaped characters are ASCII, which never occurs inside a
 * multi-byte UTF-8 sequence): a Writer's character-by-character encoding was the loader's largest cost.
 */
final class CopyText {
    private static final byte[] NULL = {'\\', 'N'};

    private final CopyIn out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private boolean firstColumn = true;

    CopyText(CopyIn out) {
        this.out = out;
    }

    CopyText text(String value) throws IOException {
        separate();
        if (value == null) {
            put(NULL, 0, NULL.length);
            return this;
        }
        escaped(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Text given as valid UTF-8 bytes, written as they are. */
    CopyText utf8(byte[] value) throws IOException {
        separate();
        escaped(value);
        return this;
    }

    private void escaped(byte[] bytes) throws IOException {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte escaped = switch (bytes[i]) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escaped != 0) {
                put(bytes, start, i - start);
                put((byte) '\\');
                put(escaped);
                start = i + 1;
            }
        }
        put(bytes, start, bytes.length - start);
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
        put((byte) '\n');
        firstColumn = true;
    }

    /** Hands what is buffered to the COPY; call before ending it. */
    void flush() throws IOException {
        try {
            out.writeToCopy(buffer, 0, used);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
        used = 0;
    }

    private void separate() throws IOException {
        if (!firstColumn) {
            put((byte) '\t');
        }
        firstColumn = false;
    }

    private void put(byte value) throws IOException {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = value;
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            flush();
            if (length > buffer.length) {
                try {
                    out.writeToCopy(bytes, offset, length);
                } catch (SQLException e) {
                    throw new IOException(e.getMessage(), e);
                }
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }
}
