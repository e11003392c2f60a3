package io.ainstruct.domain.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of an upload, after a zip was opened: either a file to ingest, or an entry refused on arrival (a path
 * leaving the zip, a zip over its limits) that is reported as failed with {@code refusal} and never stored.
 */
public record ReceivedFile(SourceFile file, Optional<String> refusal) {

    public ReceivedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(refusal, "refusal");
    }

    public static ReceivedFile accepted(SourceFile file) {
        return new ReceivedFile(file, Optional.empty());
    }

    public static ReceivedFile refused(String name, String reason) {
        return new ReceivedFile(new SourceFile(name, new byte[0]), Optional.of(reason));
    }
}
