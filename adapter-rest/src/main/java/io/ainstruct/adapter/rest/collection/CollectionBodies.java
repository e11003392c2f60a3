package io.ainstruct.adapter.rest.collection;

import io.ainstruct.domain.collection.CollectionSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class CollectionBodies {
    private CollectionBodies() {
    }

    @Serdeable
    record NameBody(@Nullable String name) {
    }

    @Serdeable
    record CollectionView(UUID collectionId, String name, UUID userId, long documentCount, long catCount,
                          Instant createdAt, Instant updatedAt) {
        static CollectionView of(CollectionSummary summary) {
            var c = summary.collection();
            return new CollectionView(c.id().value(), c.name(), c.ownerId().value(), summary.documentCount(),
                    summary.activeTokenCount(), c.createdAt(), c.updatedAt());
        }
    }

    @Serdeable
    record CollectionList(List<CollectionView> collections, int total) {
    }
}
