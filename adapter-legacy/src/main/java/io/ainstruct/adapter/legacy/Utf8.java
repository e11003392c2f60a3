package io.ainstruct.adapter.legacy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bytes are text PostgreSQL accepts: well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF) without U+0000. Checking instead of decoding lets a document's content go to PostgreSQL as the bytes
 * SQLite stored.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private Utf8() {
    }

    /** Why {@code bytes} is not acceptable text, or null when it is. */
    static String problem(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            // Eight ASCII bytes at a time, none of them zero: most text is mostly ASCII.
            if (i + Long.BYTES <= n) {
                long word = (long) LONGS.get(bytes, i);
                if ((word & HIGH_BITS) == 0 && ((word - LOW_BITS) & ~word & HIGH_BITS) == 0) {
                    i += Long.BYTES;
                    continue;
                }
            }
            int lead = bytes[i];
            if (lead > 0) {
                i++;
                continue;
            }
            if (lead == 0) {
                return "holds the character U+0000, which PostgreSQL text cannot store";
            }
            lead &= 0xff;
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > n) {
                return "not valid UTF-8 (byte " + i + ")";
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return "not valid UTF-8 (byte " + (i + k) + ")";
                }
            }
            int second = bytes[i + 1] & 0xff;
            boolean overlongOrOutOfRange = (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)
                    || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90);
            if (overlongOrOutOfRange) {
                return "not valid UTF-8 (byte " + i + ")";
            }
            i += length;
        }
        return null;
    }
}
