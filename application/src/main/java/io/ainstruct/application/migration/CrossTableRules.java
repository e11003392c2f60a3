package io.ainstruct.application.migration;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.migration.ImportedDocument;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules SQLite did not enforce and PostgreSQL will: foreign keys (tables arrive in load order, so a row may only
 * refer to rows already accepted) and the uniqueness the schema demands, such as e-mails case-insensitively and one
 * copy of a content per collection. A row breaking one is rejected with the reason instead of failing its batch.
 */
final class CrossTableRules {
    private final Set<UserId> users = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> usernames = new HashSet<>();
    private final Map<CollectionId, UserId> collectionOwners = new HashMap<>();
    private final Set<String> collectionNames = new HashSet<>();
    private final Set<String> documentContents = new HashSet<>();
    private final Set<String> tokenHashes = new HashSet<>();
    private final Set<String> usageKeys = new HashSet<>();

    SourceRow check(SourceRow row) {
        if (!(row instanceof SourceRow.Accepted accepted)) {
            return row;
        }
        Object entity = accepted.entity();
        if (entity instanceof User user) {
            return user(accepted, user);
        } else if (entity instanceof Collection collection) {
            return collection(accepted, collection);
        } else if (entity instanceof ImportedDocument document) {
            return document(accepted, document.document());
        } else if (entity instanceof CollectionAccessToken token) {
            return collectionToken(accepted, token);
        } else if (entity instanceof PersonalAccessToken token) {
            return personalToken(accepted, token);
        } else if (entity instanceof UsageRecord usage) {
            return usage(accepted, usage);
        }
        throw new IllegalArgumentException("not a migrated entity: " + entity.getClass());
    }

    private SourceRow user(SourceRow.Accepted row, User user) {
        String email = user.email().toLowerCase(Locale.ROOT);
        String username = user.username().toLowerCase(Locale.ROOT);
        if (usernames.contains(username)) {
            return row.reject("username '" + user.username() + "' is taken by another user when compared case-insensitively");
        }
        if (emails.contains(email)) {
            return row.reject("email '" + user.email() + "' is taken by another user when compared case-insensitively");
        }
        usernames.add(username);
        emails.add(email);
        users.add(user.id());
        return row;
    }

    private SourceRow collection(SourceRow.Accepted row, Collection collection) {
        if (!users.contains(collection.ownerId())) {
            return row.reject("orphan: user_id " + collection.ownerId().value() + " is not an imported user");
        }
        if (!collectionNames.add(collection.ownerId().value() + "/" + collection.name())) {
            return row.reject("the owner already has a collection named '" + collection.name() + "'");
        }
        collectionOwners.put(collection.id(), collection.ownerId());
        return row;
    }

    private SourceRow document(SourceRow.Accepted row, Document document) {
        if (!collectionOwners.containsKey(document.collectionId())) {
            return row.reject("orphan: collection_id " + document.collectionId().value() + " is not an imported collection");
        }
        if (!documentContents.add(document.collectionId().value() + "/" + document.contentHash())) {
            return row.reject("the collection already holds a document with the same content (content_hash "
                    + document.contentHash() + ")");
        }
        return row;
    }

    private SourceRow collectionToken(SourceRow.Accepted row, CollectionAccessToken token) {
        UserId owner = collectionOwners.get(token.collectionId());
        if (owner == null) {
            return row.reject("orphan: collection_id " + token.collectionId().value() + " is not an imported collection");
        }
        SourceRow.Accepted result = row;
        if (token.createdBy() == null) {
            result = row.with(new CollectionAccessToken(token.id(), token.collectionId(), owner, token.label(),
                    token.tokenHash(), token.permission(), token.expiresAt(), token.lastUsedAt(), token.active(),
                    token.createdAt()), "cats.user_id NULL -> the collection's owner");
        } else if (!users.contains(token.createdBy())) {
            return row.reject("orphan: user_id " + token.createdBy().value() + " is not an imported user");
        }
        if (!tokenHashes.add("cat/" + token.tokenHash())) {
            return row.reject("another collection token has the same key_hash");
        }
        return result;
    }

    private SourceRow personalToken(SourceRow.Accepted row, PersonalAccessToken token) {
        if (!users.contains(token.userId())) {
            return row.reject("orphan: user_id " + token.userId().value() + " is not an imported user");
        }
        if (!tokenHashes.add("pat/" + token.tokenHash())) {
            return row.reject("another personal token has the same token_hash");
        }
        return row;
    }

    private SourceRow usage(SourceRow.Accepted row, UsageRecord usage) {
        if (!users.contains(usage.userId())) {
            return row.reject("orphan: user_id " + usage.userId().value() + " is not an imported user");
        }
        if (!usageKeys.add(usage.userId().value() + "/" + usage.month() + "/" + usage.source())) {
            return row.reject("another usage record counts the same user, month and source");
        }
        return row;
    }
}
