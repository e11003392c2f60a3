package io.ainstruct.adapter.extraction;

/**
 * Bounds of an uploaded zip, counted in bytes actually inflated (a zip's own size fields can lie): how many entries,
 * how many bytes in all, and how large one file may be (the same bound as a file uploaded on its own).
 */
public record UnpackLimits(int maxEntries, long maxUnpackedBytes, long maxFileBytes) {

    public UnpackLimits {
        if (maxEntries < 1 || maxUnpackedBytes < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }
}
