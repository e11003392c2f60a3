package io.ainstruct.domain.migration;

/**
 * A table's row count and an order-independent checksum of its rows: the sum, modulo 2^64, of every row's
 * fingerprint. Two tables holding the same rows in any order have equal fingerprints.
 */
public record TableFingerprint(long rows, long checksum) {
    public static final TableFingerprint EMPTY = new TableFingerprint(0, 0);

    public TableFingerprint plus(long rowFingerprint) {
        return new TableFingerprint(rows + 1, checksum + rowFingerprint);
    }

    public String checksumHex() {
        return String.format("%016x", checksum);
    }
}
