package io.ainstruct.adapter.legacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    @Test
    void wellFormedTextOfEveryLength() {
        assertThat(Utf8.problem("naïve café 東京 données 🚀 \t\n".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(Utf8.problem(new byte[0])).isNull();
        assertThat(Utf8.problem(bytes(0xF4, 0x8F, 0xBF, 0xBF))).as("U+10FFFF").isNull();
    }

    @Test
    void whatPostgresRefuses() {
        assertThat(Utf8.problem(bytes('a', 0, 'b'))).contains("U+0000");
        assertThat(Utf8.problem(bytes('a', 0x80))).isEqualTo("not valid UTF-8 (byte 1)");
        assertThat(Utf8.problem(bytes(0xC3))).as("cut short").startsWith("not valid UTF-8");
        assertThat(Utf8.problem(bytes(0xC3, 'a'))).as("no continuation").startsWith("not valid UTF-8");
        assertThat(Utf8.problem(bytes(0xC0, 0x80))).as("overlong NUL").startsWith("not valid UTF-8");
        assertThat(Utf8.problem(bytes(0xE0, 0x80, 0x80))).as("overlong").startsWith("not valid UTF-8");
        assertThat(Utf8.problem(bytes(0xED, 0xA0, 0x80))).as("surrogate").startsWith("not valid UTF-8");
        assertThat(Utf8.problem(bytes(0xF4, 0x90, 0x80, 0x80))).as("above U+10FFFF").startsWith("not valid UTF-8");
        assertThat(Utf8.problem(bytes(0xFF))).startsWith("not valid UTF-8");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
