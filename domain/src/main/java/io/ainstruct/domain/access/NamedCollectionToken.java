package io.ainstruct.domain.access;

/** A collection access token as listed, with the name of the collection it reaches. */
public record NamedCollectionToken(CollectionAccessToken token, String collectionName) {
}
