package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.ingest.Unreadable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text-like files are UTF-8: a byte that is not is reported, never replaced by U+FFFD behind the user's back. */
final class Utf8Text {
    private Utf8Text() {
    }

    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("not valid UTF-8 text");
        }
        // A NUL never occurs in text; it marks a binary file that happened to decode.
        if (text.indexOf('\0') >= 0) {
            throw new Unreadable("binary content (NUL bytes) in a text file");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
