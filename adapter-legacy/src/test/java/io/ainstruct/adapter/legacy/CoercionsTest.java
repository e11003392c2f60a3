package io.ainstruct.adapter.legacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoercionsTest {

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "t,true", "1,true", "false,false", "f,false", "0,false", " False ,false"})
    void booleansAsText(String text, boolean expected) throws Unparsable {
        assertThat(Coercions.bool("b", text).value()).isEqualTo(expected);
        assertThat(Coercions.bool("b", text).rule()).isEqualTo("b: text '" + text + "' as boolean");
    }

    @Test
    void booleansAsIntegersAndNull() throws Unparsable {
        assertThat(Coercions.bool("b", 1).value()).isTrue();
        assertThat(Coercions.bool("b", 0L).value()).isFalse();
        assertThat(Coercions.bool("b", 1).rule()).isEqualTo("b: 0/1 as boolean");
        assertThat(Coercions.bool("b", null).value()).isNull();
    }

    @Test
    void otherBooleansAreUnparsable() {
        for (Object value : List.of("yes", 2, 0.5, "")) {
            assertThatThrownBy(() -> Coercions.bool("is_active", value)).isInstanceOf(Unparsable.class)
                    .hasMessageStartingWith("is_active: '" + value + "' is not a boolean");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-03-04T05:06:07|2025-03-04T05:06:07Z|ISO text without zone, read as UTC",
            "2025-03-04 05:06:07|2025-03-04T05:06:07Z|ISO text without zone, read as UTC",
            "2025-03-04 05:06:07.123456|2025-03-04T05:06:07.123456Z|ISO text without zone, read as UTC",
            "2025-03-04T05:06:07.5|2025-03-04T05:06:07.500Z|ISO text without zone, read as UTC",
            "2025-03-04T05:06|2025-03-04T05:06:00Z|ISO text without zone, read as UTC",
            "2025-03-04|2025-03-04T00:00:00Z|ISO text without zone, read as UTC",
            "2025-03-04T05:06:07Z|2025-03-04T05:06:07Z|ISO text with zone, to UTC",
            "2025-03-04 05:06:07.25+02:00|2025-03-04T03:06:07.250Z|ISO text with zone, to UTC",
            "2025-03-04T05:06:07-0130|2025-03-04T06:36:07Z|ISO text with zone, to UTC",
            "2025-03-04T05:06:07+05|2025-03-04T00:06:07Z|ISO text with zone, to UTC",
            "2025-03-04T05:06:07.1234567|2025-03-04T05:06:07.123456Z|ISO text, fraction beyond microseconds cut",
            "1735689600|2025-01-01T00:00:00Z|epoch seconds (text)",
            "1735689600.25|2025-01-01T00:00:00.250Z|epoch seconds (text)"})
    void timestampsAsText(String text, String expected, String rule) throws Unparsable {
        Coerced<Instant> coerced = Coercions.timestamp("t", text);
        assertThat(coerced.value()).isEqualTo(Instant.parse(expected));
        assertThat(coerced.rule()).isEqualTo("t: " + rule);
    }

    @Test
    void timestampsAsNumbers() throws Unparsable {
        assertThat(Coercions.timestamp("t", 1735689600L).value()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(Coercions.timestamp("t", 1735689600).rule()).isEqualTo("t: epoch seconds (integer)");
        assertThat(Coercions.timestamp("t", 1735689600.5).value()).isEqualTo(Instant.parse("2025-01-01T00:00:00.500Z"));
        assertThat(Coercions.timestamp("t", 1735689600.5).rule()).isEqualTo("t: epoch seconds (real)");
        assertThat(Coercions.timestamp("t", null).value()).isNull();
    }

    @Test
    void otherTimestampsAreUnparsable() {
        for (Object value : List.of("yesterday", "2025-13-01", "2025-02-30 10:00:00", "12/03/2025", "")) {
            assertThatThrownBy(() -> Coercions.timestamp("created_at", value)).isInstanceOf(Unparsable.class)
                    .hasMessageContaining("is not a timestamp");
        }
        assertThatThrownBy(() -> Coercions.timestamp("created_at", new byte[] {1})).isInstanceOf(Unparsable.class);
    }

    @Test
    void jsonObjectsKeepTheirValues() throws Unparsable {
        Map<String, Object> value = Coercions.jsonObject("m", "{\"n\": 1.50, \"tags\": [\"café\", \"東京\"], \"x\": null}").value();
        assertThat(value).containsEntry("n", new BigDecimal("1.50")).containsEntry("tags", List.of("café", "東京"))
                .containsEntry("x", null);
        assertThat(Coercions.jsonObject("m", null).value()).isNull();
    }

    @Test
    void jsonThatIsNotAnObjectIsUnparsable() {
        assertThatThrownBy(() -> Coercions.jsonObject("m", "{broken")).hasMessageStartingWith("m: not valid JSON");
        assertThatThrownBy(() -> Coercions.jsonObject("m", "[1]")).hasMessage("m: JSON array where an object is required");
        assertThatThrownBy(() -> Coercions.jsonObject("m", "\"text\"")).hasMessage("m: JSON string where an object is required");
        assertThatThrownBy(() -> Coercions.jsonObject("m", "{} {}")).hasMessageStartingWith("m: not valid JSON");
        assertThatThrownBy(() -> Coercions.jsonObject("m", "{\"a\": \"\\u0000\"}")).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Coercions.jsonObject("m", 5L)).hasMessage("m: a Long is not JSON text");
    }

    @Test
    void textAndIds() throws Unparsable {
        assertThat(Coercions.text("t", "naïve 🚀", true)).isEqualTo("naïve 🚀");
        assertThat(Coercions.text("t", null, false)).isNull();
        assertThatThrownBy(() -> Coercions.text("t", null, true)).hasMessage("t: NULL where a value is required");
        assertThatThrownBy(() -> Coercions.text("t", "a\u0000b", true)).hasMessageContaining("U+0000");
        assertThat(Coercions.uuid("id", "6513270E-269e-4d37-b2a7-4de452e6b438").toString())
                .isEqualTo("6513270e-269e-4d37-b2a7-4de452e6b438");
        assertThatThrownBy(() -> Coercions.uuid("id", "1-2-3-4-5")).hasMessage("id: '1-2-3-4-5' is not a UUID");
    }
}
