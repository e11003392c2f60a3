package io.ainstruct.adapter.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The explicit rules for what SQLite (or PostgreSQL's looser types) let the Python service store. Each returns the value in the target's type and
 * names the rule it applied; a value no rule covers is {@link Unparsable}. NULL is returned as null: what it means
 * depends on the column, which the table's reader decides.
 */
final class Coercions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}(\\.\\d{1,9})?");
    /** ISO-8601 date and time with 'T' or a space, optional seconds and fraction, optional zone ('Z', +hh:mm, +hhmm, +hh). */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private Coercions() {
    }

    static Coerced<Boolean> bool(String column, Object raw) throws Unparsable {
        if (raw == null) {
            return Coerced.as(null);
        }
        if (raw instanceof Boolean value) {
            return Coerced.as(value);
        }
        if (raw instanceof Number number && (number.longValue() == 0 || number.longValue() == 1)
                && number.doubleValue() == number.longValue()) {
            return new Coerced<>(number.longValue() == 1, column + ": 0/1 as boolean");
        }
        if (raw instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "1" -> {
                    return new Coerced<>(true, column + ": text '" + text + "' as boolean");
                }
                case "false", "f", "0" -> {
                    return new Coerced<>(false, column + ": text '" + text + "' as boolean");
                }
                default -> {
                }
            }
        }
        throw new Unparsable(column, "'" + raw + "' is not a boolean (0/1, true/false, t/f)");
    }

    static Coerced<Instant> timestamp(String column, Object raw) throws Unparsable {
        if (raw == null) {
            return Coerced.as(null);
        }
        if (raw instanceof LocalDateTime naive) {
            // The Python service's PostgreSQL columns are naive timestamps it filled with datetime.utcnow().
            return new Coerced<>(naive.toInstant(ZoneOffset.UTC), column + ": timestamp without time zone, read as UTC");
        }
        if (raw instanceof Long || raw instanceof Integer) {
            return new Coerced<>(epochSeconds(column, new BigDecimal(raw.toString())), column + ": epoch seconds (integer)");
        }
        if (raw instanceof Double number) {
            return new Coerced<>(epochSeconds(column, BigDecimal.valueOf(number)), column + ": epoch seconds (real)");
        }
        if (!(raw instanceof String text)) {
            throw new Unparsable(column, "a " + raw.getClass().getSimpleName() + " is not a timestamp");
        }
        String trimmed = text.trim();
        if (EPOCH.matcher(trimmed).matches()) {
            return new Coerced<>(epochSeconds(column, new BigDecimal(trimmed)), column + ": epoch seconds (text)");
        }
        String iso = trimmed.length() > 10 && trimmed.charAt(10) == ' '
                ? trimmed.substring(0, 10) + 'T' + trimmed.substring(11) : trimmed;
        try {
            TemporalAccessor parsed = ISO.parse(iso);
            LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.from(parsed) : LocalDate.from(parsed).atStartOfDay();
            boolean zoned = parsed.isSupported(ChronoField.OFFSET_SECONDS);
            ZoneOffset offset = zoned ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            Instant instant = local.toInstant(offset);
            Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
            String rule = micros.equals(instant) ? (zoned ? "ISO text with zone, to UTC" : "ISO text without zone, read as UTC")
                    : "ISO text, fraction beyond microseconds cut";
            return new Coerced<>(micros, column + ": " + rule);
        } catch (DateTimeParseException e) {
            throw new Unparsable(column, "'" + text + "' is not a timestamp (ISO-8601 or epoch seconds)");
        }
    }

    private static Instant epochSeconds(String column, BigDecimal seconds) throws Unparsable {
        try {
            BigDecimal micros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.DOWN);
            return Instant.EPOCH.plus(micros.longValueExact(), ChronoUnit.MICROS);
        } catch (ArithmeticException e) {
            throw new Unparsable(column, seconds + " is out of range for epoch seconds");
        }
    }

    /** A JSON object kept as text; anything else (an array, a number, broken text) is unparsable. */
    static Coerced<Map<String, Object>> jsonObject(String column, Object raw) throws Unparsable {
        if (raw == null) {
            return Coerced.as(null);
        }
        if (!(raw instanceof String text)) {
            throw new Unparsable(column, "a " + raw.getClass().getSimpleName() + " is not JSON text");
        }
        Object value;
        try {
            value = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new Unparsable(column, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new Unparsable(column, "JSON " + kind(value) + " where an object is required");
        }
        if (text.contains("\\u0000")) {
            throw new Unparsable(column, "holds the character U+0000, which PostgreSQL's jsonb cannot store");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return new Coerced<>(object, null);
    }

    private static String kind(Object json) {
        if (json instanceof java.util.List<?>) {
            return "array";
        }
        if (json instanceof String) {
            return "string";
        }
        if (json instanceof Number) {
            return "number";
        }
        return json == null ? "null" : "boolean";
    }

    /** Text PostgreSQL can hold: not null when required, no U+0000 (which no PostgreSQL text can store). */
    static String text(String column, Object raw, boolean required) throws Unparsable {
        if (raw == null) {
            if (required) {
                throw new Unparsable(column, "NULL where a value is required");
            }
            return null;
        }
        String text = raw instanceof String s ? s : raw.toString();
        if (text.indexOf('\u0000') >= 0) {
            throw new Unparsable(column, "holds the character U+0000, which PostgreSQL text cannot store");
        }
        return text;
    }

    /** SHA-256 hex, the form the Python service stored content hashes in. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static java.util.UUID uuid(String column, Object raw) throws Unparsable {
        String text = text(column, raw, true).trim();
        try {
            java.util.UUID id = java.util.UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new Unparsable(column, "'" + text + "' is not a UUID");
        }
    }
}
