package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.ingest.ReceivedFile;
import io.ainstruct.domain.ingest.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ainstruct.testsupport.files.GeneratedFiles.utf8;
import static io.ainstruct.testsupport.files.GeneratedFiles.zip;
import static io.ainstruct.testsupport.files.GeneratedFiles.zipBomb;
import static org.assertj.core.api.Assertions.assertThat;

class ZipUnpackerTest {
    private final ZipUnpacker unpacker = new ZipUnpacker(new UnpackLimits(3, 1_000_000, 100));

    @Test
    void aZipGivesItsFilesWithTheirFoldersAndSkipsDirectories() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("notes/", new byte[0]);
        entries.put("notes/a.md", utf8("# A"));
        entries.put("b.txt", utf8("b"));

        List<ReceivedFile> files = unpacker.unpack(new SourceFile("upload.zip", zip(entries)));

        assertThat(files).extracting(f -> f.file().name()).containsExactly("notes/a.md", "b.txt");
        assertThat(files).allMatch(f -> f.refusal().isEmpty());
        assertThat(new String(files.get(0).file().bytes())).isEqualTo("# A");
    }

    @Test
    void aPathLeavingTheZipIsRefusedAloneAndItsSiblingsGoOn() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../escape.md", utf8("x"));
        entries.put("ok.md", utf8("fine"));
        entries.put("big.md", new byte[101]);

        List<ReceivedFile> files = unpacker.unpack(new SourceFile("upload.zip", zip(entries)));

        assertThat(files).extracting(f -> f.file().name(), ReceivedFile::refusal).containsExactly(
                org.assertj.core.groups.Tuple.tuple("../escape.md", Optional.of("the path leaves the zip ('..' or absolute)")),
                org.assertj.core.groups.Tuple.tuple("ok.md", Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("big.md", Optional.of("the file is 101 bytes, over the limit of 100")));
    }

    @Test
    void aZipBombIsRefusedAsAWholeBySizeOrByEntryCount() {
        List<ReceivedFile> bySize = unpacker.unpack(new SourceFile("bomb.zip", zipBomb(5_000_000)));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            many.put(i + ".md", utf8("x"));
        }
        List<ReceivedFile> byCount = unpacker.unpack(new SourceFile("many.zip", zip(many)));

        assertThat(bySize).singleElement().satisfies(f -> {
            assertThat(f.file().name()).isEqualTo("bomb.zip");
            assertThat(f.refusal()).contains("the zip unpacks to more than 1000000 bytes");
        });
        assertThat(byCount).singleElement().satisfies(f ->
                assertThat(f.refusal()).contains("the zip holds more than 3 entries"));
    }

    @Test
    void aFileThatIsNoZipIsRefused() {
        assertThat(unpacker.unpack(new SourceFile("fake.zip", utf8("plain text")))).isEmpty();
        assertThat(unpacker.isArchive(new SourceFile("A.ZIP", new byte[0]))).isTrue();
        assertThat(unpacker.isArchive(new SourceFile("a.md", new byte[0]))).isFalse();
    }
}
