package io.ainstruct.domain.ingest;

/**
 * A file that cannot become a document (corrupt, encrypted, empty, binary, over a limit); {@link #getMessage()} is
 * the reason reported for that file while the rest of its job goes on.
 */
public final class Unreadable extends RuntimeException {
    public Unreadable(String reason) {
        super(reason, null, false, false);
    }

    public Unreadable(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
