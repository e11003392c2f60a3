package io.ainstruct.domain.port;

import io.ainstruct.domain.ingest.ReceivedFile;
import io.ainstruct.domain.ingest.SourceFile;

import java.util.List;

/** Opens an uploaded archive (a zip) into its files, within the configured entry-count and size limits. */
public interface UploadUnpacker {

    boolean isArchive(SourceFile upload);

    /** The archive's files; a refused entry, or the whole archive past a limit, comes back as a refused file. */
    List<ReceivedFile> unpack(SourceFile archive);
}
