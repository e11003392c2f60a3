package io.ainstruct.domain.access;

/** What a collection access token may do in its one collection. */
public enum Permission {
    READ, READ_WRITE;

    public boolean allowsWrite() {
        return this == READ_WRITE;
    }
}
