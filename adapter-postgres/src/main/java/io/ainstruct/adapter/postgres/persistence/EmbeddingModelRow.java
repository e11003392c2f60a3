package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The one row of embedding_model; its key is always true. */
@MappedEntity("embedding_model")
record EmbeddingModelRow(@Id boolean singleton, String modelKey, Instant recordedAt) {
}
