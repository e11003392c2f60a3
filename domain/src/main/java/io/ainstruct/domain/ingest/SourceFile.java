package io.ainstruct.domain.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A file as it was received: its name (a path inside a zip keeps its folders) and its bytes. */
public record SourceFile(String name, byte[] bytes) {

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    public long size() {
        return bytes.length;
    }

    /** SHA-256 of the bytes as received, lower-case hex: what tells an unchanged file from a changed one. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
