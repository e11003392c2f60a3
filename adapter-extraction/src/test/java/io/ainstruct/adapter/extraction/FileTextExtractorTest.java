package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.ingest.ExtractedText;
import io.ainstruct.domain.ingest.SourceFile;
import io.ainstruct.domain.ingest.Unreadable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.ainstruct.testsupport.files.GeneratedFiles.docx;
import static io.ainstruct.testsupport.files.GeneratedFiles.encryptedPdf;
import static io.ainstruct.testsupport.files.GeneratedFiles.pdf;
import static io.ainstruct.testsupport.files.GeneratedFiles.pdfWithTable;
import static io.ainstruct.testsupport.files.GeneratedFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTextExtractorTest {
    private final FileTextExtractor extractor = new FileTextExtractor();

    private ExtractedText extract(String name, byte[] bytes) {
        return extractor.extract(new SourceFile(name, bytes));
    }

    @Test
    void aPdfGivesItsTextAndATableItsCellsRowByRow() {
        ExtractedText text = extract("report.pdf", pdfWithTable("Quarterly figures follow.",
                List.of(List.of("Region", "Revenue"), List.of("Northwind", "the walrus sings at dawn"))));

        assertThat(text.type()).isEqualTo(DocumentType.PDF);
        assertThat(text.text()).contains("Quarterly figures follow.").contains("Northwind").contains("the walrus sings at dawn");
        assertThat(text.text().indexOf("Region")).isLessThan(text.text().indexOf("Northwind"));
    }

    @Test
    void aDocxKeepsItsHeadingsAsMarkdownHeadingsAndItsTableCells() {
        ExtractedText text = extract("notes.DOCX", docx("Project Atlas", "The atlas paragraph body.", "Risks",
                "cell one", "cell two"));

        assertThat(text.type()).isEqualTo(DocumentType.DOCX);
        assertThat(text.text()).startsWith("# Project Atlas\n")
                .contains("\nThe atlas paragraph body.\n")
                .contains("\n## Risks\n")
                .contains("cell one | cell two");
    }

    @Test
    void htmlHeadingsBecomeMarkdownHeadingsAndScriptsAreDropped() {
        ExtractedText text = extract("page.html", utf8("""
                <html><head><title>T</title><script>var hidden = 1;</script></head>
                <body><h1>Main title</h1><p>First <b>bold</b> paragraph.</p><h3>Deep</h3><ul><li>one</li><li>two</li></ul></body></html>"""));

        assertThat(text.type()).isEqualTo(DocumentType.HTML);
        assertThat(text.text()).startsWith("# Main title\n\nFirst bold paragraph.\n\n### Deep")
                .contains("- one\n- two").doesNotContain("hidden");
    }

    @Test
    void textLikeTypesAreStoredAsTheyAreWithTheirType() {
        assertThat(extract("a.md", utf8("# Title\n\nbody"))).isEqualTo(new ExtractedText("# Title\n\nbody", DocumentType.MARKDOWN));
        assertThat(extract("a.json", utf8("{\"a\": 1}")).type()).isEqualTo(DocumentType.JSON);
        assertThat(extract("conf/app.yml", utf8("a: 1")).type()).isEqualTo(DocumentType.YAML);
        assertThat(extract("Main.java", utf8("class Main {}")).type()).isEqualTo(DocumentType.JAVA);
        assertThat(extract("x.py", utf8("print(1)")).type()).isEqualTo(DocumentType.PYTHON);
        assertThat(extract("bom.txt", utf8("\uFEFFplain")).text()).isEqualTo("plain");
    }

    @Test
    void badFilesAreRefusedWithAReasonThatNamesTheProblem() {
        assertRefused("secret.pdf", encryptedPdf("pw", "hidden text"), "encrypted PDF");
        assertRefused("broken.pdf", Arrays.copyOf(pdf("cut short"), 60), "not a readable PDF");
        assertRefused("broken.docx", utf8("this is not a zip"), "not a readable DOCX");
        assertRefused("empty.md", new byte[0], "empty file");
        assertRefused("blank.txt", utf8("  \n\t "), "holds no text");
        assertRefused("latin1.txt", new byte[]{'c', 'a', 'f', (byte) 0xE9}, "not valid UTF-8");
        assertRefused("image.txt", new byte[]{'P', 'N', 'G', 0, 0, 1}, "binary content");
        assertRefused("photo.png", new byte[]{1, 2, 3}, "unsupported file type: photo.png");
        assertRefused("Makefile", utf8("all:"), "unsupported file type");
    }

    private void assertRefused(String name, byte[] bytes, String reason) {
        assertThatThrownBy(() -> extract(name, bytes)).as(name).isInstanceOf(Unreadable.class).hasMessageContaining(reason);
    }
}
