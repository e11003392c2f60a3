package io.ainstruct.adapter.postgres.vectorindex;

import io.micronaut.context.ApplicationContext;

/** An in-process index on a context's beans, built as bootstrap builds it when no Qdrant is configured. */
final class InProcessIndexes {
    private InProcessIndexes() {
    }

    static InProcessVectorIndex on(ApplicationContext context) {
        return new InProcessVectorIndex(context.getBean(StoredVectorPoints.class), context.getBean(VectorChanges.class));
    }
}
