package io.ainstruct.adapter.legacy;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.field.FieldLimits;
import io.ainstruct.domain.field.TextLimit;
import io.ainstruct.domain.migration.ImportedDocument;
import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns each legacy table's rows into domain objects, column by column, applying {@link Coercions} and the rules
 * for NULLs written down in docs/OPERATIONS.md. Every rule applied is added to {@code rules}.
 */
final class LegacyMappings {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** Stands in for a timestamp that is NULL in both created_at and updated_at: the same on every run of one source. */
    private final Instant sourceTime;
    /** What {@link #sourceTime} is, for the rule's name. */
    private final String sourceTimeName;

    LegacyMappings(Instant sourceTime, String sourceTimeName) {
        // PostgreSQL keeps microseconds, and rounds (not truncates) finer input: cut here so both sides agree.
        this.sourceTime = sourceTime.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.sourceTimeName = sourceTimeName;
    }

    /** The row as an entity to store with the rules applied to it, or as rejected with the reason. */
    SourceRow row(LegacyTable table, LegacyRow row) {
        String key = String.valueOf(row.get("id"));
        List<String> rules = new ArrayList<>(4);
        try {
            Object entity = switch (table) {
                case USERS -> user(row, rules);
                case COLLECTIONS -> collection(row, rules);
                case DOCUMENTS -> document(row, rules);
                case COLLECTION_TOKENS -> collectionToken(row, rules);
                case PERSONAL_TOKENS -> personalToken(row, rules);
                case USAGE_RECORDS -> usage(row, rules);
            };
            return new SourceRow.Accepted(key, entity, row.bytes(), rules, row::raw);
        } catch (Unparsable e) {
            return new SourceRow.Rejected(key, row.raw(), e.getMessage(), row.bytes());
        }
    }

    User user(LegacyRow row, List<String> rules) throws Unparsable {
        String username = within(FieldLimits.USERNAME, Coercions.text("username", row.get("username"), true), true);
        String passwordHash = Coercions.text("password_hash", row.get("password_hash"), true);
        if (passwordHash.isBlank()) {
            throw new Unparsable("password_hash", "empty");
        }
        Instant[] times = createdAndUpdated(row, "updated_at", rules);
        return new User(new UserId(Coercions.uuid("id", row.get("id"))), Coercions.text("email", row.get("email"), true),
                username, passwordHash, flag(row, "is_active", true, rules), flag(row, "is_superuser", false, rules),
                times[0], times[1]);
    }

    Collection collection(LegacyRow row, List<String> rules) throws Unparsable {
        String name = within(FieldLimits.COLLECTION_NAME, Coercions.text("name", row.get("name"), true), true);
        Instant[] times = createdAndUpdated(row, "updated_at", rules);
        return new Collection(new CollectionId(Coercions.uuid("id", row.get("id"))),
                new UserId(Coercions.uuid("user_id", row.get("user_id"))), name, times[0], times[1]);
    }

    ImportedDocument document(LegacyRow row, List<String> rules) throws Unparsable {
        String title = within(FieldLimits.DOCUMENT_TITLE, Coercions.text("title", row.get("title"), true), false);
        byte[] content = row.contentUtf8();
        if (content == null) {
            throw new Unparsable("content", "NULL where a value is required");
        }
        String problem = Utf8.problem(content);
        if (problem != null) {
            throw new Unparsable("content", problem);
        }
        String hash = Coercions.sha256Hex(content);
        Object storedHash = row.get("content_hash");
        if (storedHash == null || !hash.equalsIgnoreCase(storedHash.toString().trim())) {
            rules.add("content_hash: did not match the content, recomputed");
        }
        DocumentType type;
        Object rawType = row.get("document_type");
        if (rawType == null) {
            type = DocumentType.MARKDOWN;
            rules.add("document_type: NULL -> markdown");
        } else {
            try {
                type = DocumentType.parse("document_type", Coercions.text("document_type", rawType, true));
            } catch (InvalidInput e) {
                throw new Unparsable("document_type", "'" + rawType + "' is not a known document type");
            }
        }
        Coerced<Map<String, Object>> metadata = Coercions.jsonObject("doc_metadata", row.get("doc_metadata"));
        if (metadata.value() == null) {
            rules.add("doc_metadata: NULL -> {}");
        }
        if (metadata.value() != null) {
            var tooLarge = FieldLimits.METADATA.violation(metadata.value());
            if (tooLarge.isPresent()) {
                throw new Unparsable("doc_metadata", tooLarge.get());
            }
        }
        Instant[] times = createdAndUpdated(row, "updated_at", rules);
        return new ImportedDocument(new Document(new DocumentId(Coercions.uuid("id", row.get("id"))),
                new CollectionId(Coercions.uuid("collection_id", row.get("collection_id"))), title, null, hash, type,
                metadata.value() == null ? Map.of() : metadata.value(), times[0], times[1]), content);
    }

    /** {@code created_by} is null when the legacy row names no user: the rules across tables give it the collection's owner. */
    CollectionAccessToken collectionToken(LegacyRow row, List<String> rules) throws Unparsable {
        String label = label(row);
        Permission permission;
        try {
            permission = Permission.parse("permission", Coercions.text("permission", row.get("permission"), true));
        } catch (InvalidInput e) {
            throw new Unparsable("permission", "'" + row.get("permission") + "' is not read or read_write");
        }
        Object user = row.get("user_id");
        Instant created = timestamp(row, "created_at", rules);
        return new CollectionAccessToken(Coercions.uuid("id", row.get("id")),
                new CollectionId(Coercions.uuid("collection_id", row.get("collection_id"))),
                user == null ? null : new UserId(Coercions.uuid("user_id", user)), label,
                tokenHash(row, "key_hash", rules), permission, timestamp(row, "expires_at", rules),
                timestamp(row, "last_used", rules), flag(row, "is_active", true, rules),
                created == null ? nullTime("created_at", rules) : created);
    }

    PersonalAccessToken personalToken(LegacyRow row, List<String> rules) throws Unparsable {
        String label = label(row);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        String scopeText = Coercions.text("scopes", row.get("scopes"), true);
        for (String name : scopeText.split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            try {
                scopes.add(Scope.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Unparsable("scopes", "'" + name + "' is not a scope (read, write, admin)");
            }
        }
        if (scopes.isEmpty()) {
            rules.add("scopes: empty, kept empty (the token can do nothing, as before)");
        }
        Instant created = timestamp(row, "created_at", rules);
        return new PersonalAccessToken(Coercions.uuid("id", row.get("id")), new UserId(Coercions.uuid("user_id", row.get("user_id"))),
                label, tokenHash(row, "token_hash", rules), scopes, timestamp(row, "expires_at", rules),
                timestamp(row, "last_used", rules), flag(row, "is_active", true, rules),
                created == null ? nullTime("created_at", rules) : created);
    }

    UsageRecord usage(LegacyRow row, List<String> rules) throws Unparsable {
        String month = Coercions.text("year_month", row.get("year_month"), true).trim();
        if (!YEAR_MONTH.matcher(month).matches()) {
            throw new Unparsable("year_month", "'" + month + "' is not YYYY-MM");
        }
        String source = Coercions.text("source", row.get("source"), true).trim().toLowerCase(Locale.ROOT);
        EntryPoint entryPoint;
        switch (source) {
            // 4.x writes "api" for its REST requests, the SQLite-era releases "rest".
            case "rest", "api" -> entryPoint = EntryPoint.REST;
            case "mcp" -> entryPoint = EntryPoint.MCP;
            default -> throw new Unparsable("source", "'" + row.get("source") + "' is not rest, api or mcp");
        }
        Object count = row.get("request_count");
        long requests;
        if (count == null) {
            requests = 0;
            rules.add("request_count: NULL -> 0");
        } else if (count instanceof Long || count instanceof Integer) {
            requests = ((Number) count).longValue();
        } else {
            try {
                requests = Long.parseLong(count.toString().trim());
                rules.add("request_count: text as integer");
            } catch (NumberFormatException e) {
                throw new Unparsable("request_count", "'" + count + "' is not an integer");
            }
        }
        if (requests < 0) {
            throw new Unparsable("request_count", requests + " is negative");
        }
        return new UsageRecord(new UserId(Coercions.uuid("user_id", row.get("user_id"))), YearMonth.parse(month),
                entryPoint, requests);
    }

    /** The Python service stored empty labels and the database takes them, so only a label too long is refused. */
    private static String label(LegacyRow row) throws Unparsable {
        String label = Coercions.text("label", row.get("label"), true);
        return label.isEmpty() ? label : within(FieldLimits.TOKEN_LABEL, label, false);
    }

    /**
     * Holds legacy text to the length the commands allow (the Python service did not always check it). Only the
     * length: text the service accepted with other flaws, such as a blank name, stays what its owner knows it as.
     */
    private static String within(TextLimit limit, String value, boolean quoted) throws Unparsable {
        if (!limit.fits(value)) {
            throw new Unparsable(limit.field(), (quoted ? "'" + value + "' is " : "is ") + TextLimit.length(value)
                    + " characters long, not " + limit.bounds());
        }
        return value;
    }

    private static String tokenHash(LegacyRow row, String column, List<String> rules) throws Unparsable {
        String hash = Coercions.text(column, row.get(column), true).trim();
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new Unparsable(column, "not a SHA-256 hex digest");
        }
        String lower = hash.toLowerCase(Locale.ROOT);
        if (!lower.equals(hash)) {
            rules.add(column + ": upper-case hex to lower case");
        }
        return lower;
    }

    private static boolean flag(LegacyRow row, String column, boolean whenNull, List<String> rules) throws Unparsable {
        Coerced<Boolean> value = Coercions.bool(column, row.get(column));
        if (value.value() == null) {
            rules.add(column + ": NULL -> " + whenNull);
            return whenNull;
        }
        addRule(value, rules);
        return value.value();
    }

    private static Instant timestamp(LegacyRow row, String column, List<String> rules) throws Unparsable {
        Coerced<Instant> value = Coercions.timestamp(column, row.get(column));
        addRule(value, rules);
        return value.value();
    }

    /** NULL created_at takes updated_at, and the other way round; both NULL take the source's stand-in time. */
    private Instant[] createdAndUpdated(LegacyRow row, String updatedColumn, List<String> rules) throws Unparsable {
        Instant created = timestamp(row, "created_at", rules);
        Instant updated = timestamp(row, updatedColumn, rules);
        if (created == null && updated != null) {
            rules.add("created_at: NULL -> updated_at");
            created = updated;
        } else if (created == null) {
            created = nullTime("created_at", rules);
        }
        if (updated == null) {
            rules.add(updatedColumn + ": NULL -> created_at");
            updated = created;
        }
        return new Instant[] {created, updated};
    }

    private Instant nullTime(String column, List<String> rules) {
        rules.add(column + ": NULL -> " + sourceTimeName);
        return sourceTime;
    }

    private static void addRule(Coerced<?> value, List<String> rules) {
        if (value.rule() != null) {
            rules.add(value.rule());
        }
    }
}
