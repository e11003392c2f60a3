package io.ainstruct.adapter.qdrant;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.search.VectorFilter;
import io.qdrant.client.grpc.Common.Filter;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;

/** A search's {@link VectorFilter} as a Qdrant filter: every condition must hold. */
final class QdrantFilters {

    private QdrantFilters() {
    }

    static Filter of(VectorFilter filter) {
        Filter.Builder qdrant = Filter.newBuilder()
                .addMust(matchKeywords(QdrantVectorIndex.COLLECTION_ID,
                        filter.collections().stream().map(CollectionId::value).map(Object::toString).sorted().toList()));
        filter.type().ifPresent(type -> qdrant.addMust(matchKeyword(QdrantVectorIndex.DOCUMENT_TYPE, type.wireName())));
        filter.metadataEquals().forEach((key, value) ->
                qdrant.addMust(matchKeyword(QdrantVectorIndex.METADATA, MetadataKeywords.keyword(key, value))));
        return qdrant.build();
    }
}
