package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.ingest.ReceivedFile;
import io.ainstruct.domain.ingest.SourceFile;
import io.ainstruct.domain.port.UploadUnpacker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a zip upload. A zip past its entry count or unpacked size (a zip bomb) is refused as a whole, nothing of it
 * ingested; an entry whose path leaves the archive ({@code ..}, absolute) or that is over the file size limit is
 * refused on its own while its siblings go on.
 */
public final class ZipUnpacker implements UploadUnpacker {
    private final UnpackLimits limits;

    public ZipUnpacker(UnpackLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean isArchive(SourceFile upload) {
        return upload.name().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    @Override
    public List<ReceivedFile> unpack(SourceFile archive) {
        List<ReceivedFile> files = new ArrayList<>();
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.bytes()))) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    return refusedWhole(archive, "the zip holds more than " + limits.maxEntries() + " entries");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                long size = 0;
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    size += read;
                    unpacked += read;
                    if (unpacked > limits.maxUnpackedBytes()) {
                        return refusedWhole(archive, "the zip unpacks to more than " + limits.maxUnpackedBytes() + " bytes");
                    }
                    if (size <= limits.maxFileBytes()) {
                        bytes.write(buffer, 0, read);
                    }
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (leavesArchive(name)) {
                    files.add(ReceivedFile.refused(name, "the path leaves the zip ('..' or absolute)"));
                } else if (size > limits.maxFileBytes()) {
                    files.add(ReceivedFile.refused(name, "the file is " + size + " bytes, over the limit of "
                            + limits.maxFileBytes()));
                } else {
                    files.add(ReceivedFile.accepted(new SourceFile(name, bytes.toByteArray())));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return refusedWhole(archive, "not a readable zip: " + e.getMessage());
        }
        return files;
    }

    private static boolean leavesArchive(String name) {
        String path = name.replace('\\', '/');
        return path.startsWith("/") || path.matches("^[A-Za-z]:.*") || ("/" + path + "/").contains("/../");
    }

    private static List<ReceivedFile> refusedWhole(SourceFile archive, String reason) {
        return List.of(ReceivedFile.refused(archive.name(), reason));
    }
}
