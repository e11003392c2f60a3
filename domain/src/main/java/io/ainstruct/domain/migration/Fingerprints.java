package io.ainstruct.domain.migration;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.User;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of one migrated row: the first 64 bits of the SHA-256 of a canonical text of every migrated column.
 * Source and target compute it from the same domain objects, so a checksum mismatch means the stored data differs.
 * A document's content enters through its digest ({@code contentDigest}, SHA-256 hex of the content as stored), so
 * the target can compute it in the database instead of shipping every document back.
 */
public final class Fingerprints {
    private static final char SEPARATOR = '\u001f';

    private Fingerprints() {
    }

    public static long of(User user) {
        return hash(user.id().value(), user.email(), user.username(), user.passwordHash(), user.active(),
                user.superuser(), micros(user.createdAt()), micros(user.updatedAt()));
    }

    public static long of(Collection collection) {
        return hash(collection.id().value(), collection.ownerId().value(), collection.name(),
                micros(collection.createdAt()), micros(collection.updatedAt()));
    }

    public static long of(Document document, String contentDigest) {
        return hash(document.id().value(), document.collectionId().value(), document.title(), contentDigest,
                document.contentHash(), document.type().wireName(), canonical(document.metadata()),
                micros(document.createdAt()), micros(document.updatedAt()));
    }

    public static long of(PersonalAccessToken token) {
        return hash(token.id(), token.userId().value(), token.label(), token.tokenHash(),
                token.scopes().stream().map(Enum::name).sorted().toList(), micros(token.expiresAt()),
                micros(token.lastUsedAt()), token.active(), micros(token.createdAt()));
    }

    public static long of(CollectionAccessToken token) {
        return hash(token.id(), token.collectionId().value(), token.createdBy().value(), token.label(), token.tokenHash(),
                token.permission().name(), micros(token.expiresAt()), micros(token.lastUsedAt()), token.active(),
                micros(token.createdAt()));
    }

    public static long of(UsageRecord usage) {
        return hash(usage.userId().value(), usage.month(), usage.source().name(), usage.requestCount());
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** JSON values written with sorted keys and numbers in one form, so two parsers of the same JSON agree. */
    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        appendCanonical(value, out);
        return out.toString();
    }

    private static void appendCanonical(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((key, item) -> {
                appendCanonical(String.valueOf(key), out);
                out.append(':');
                appendCanonical(item, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                appendCanonical(item, out);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof Number number) {
            out.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else if (value instanceof String text) {
            out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            out.append(value);
        }
    }

    private static long hash(Object... columns) {
        StringBuilder text = new StringBuilder();
        for (Object column : columns) {
            text.append(column == null ? "\u2400" : column.toString()).append(SEPARATOR);
        }
        byte[] digest = sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        long result = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            result = (result << 8) | (digest[i] & 0xff);
        }
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
