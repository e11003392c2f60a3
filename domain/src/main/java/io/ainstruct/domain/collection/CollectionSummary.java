package io.ainstruct.domain.collection;

/** A collection as listed: with how many documents it holds and how many active access tokens reach it. */
public record CollectionSummary(Collection collection, long documentCount, long activeTokenCount) {
}
