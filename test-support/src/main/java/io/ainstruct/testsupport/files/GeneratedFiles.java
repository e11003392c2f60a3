package io.ainstruct.testsupport.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** PDFs, Word documents and zips made in the test by the libraries that read them, so no binary fixture is committed. */
public final class GeneratedFiles {
    private GeneratedFiles() {
    }

    /** A one-page PDF with {@code lines} as text, top to bottom. */
    public static byte[] pdf(String... lines) {
        return pdf(null, List.of(lines), List.of());
    }

    /** A PDF with a paragraph and a table drawn as a grid of cells: each row is laid out left to right. */
    public static byte[] pdfWithTable(String paragraph, List<List<String>> rows) {
        return pdf(null, List.of(paragraph), rows);
    }

    /** A PDF that needs {@code userPassword} to open. */
    public static byte[] encryptedPdf(String userPassword, String line) {
        return pdf(userPassword, List.of(line), List.of());
    }

    private static byte[] pdf(String userPassword, List<String> lines, List<List<String>> rows) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                float y = 780;
                for (String line : lines) {
                    write(content, font, 50, y, line);
                    y -= 20;
                }
                y -= 20;
                for (List<String> row : rows) {
                    float x = 50;
                    for (String cell : row) {
                        content.addRect(x - 4, y - 6, 160, 20);
                        content.stroke();
                        write(content, font, x, y, cell);
                        x += 160;
                    }
                    y -= 20;
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                pdf.protect(policy);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, 10);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** A Word document: a "Heading1" paragraph, a body paragraph, a "Heading2" paragraph and a two-column table row. */
    public static byte[] docx(String heading, String paragraph, String subheading, String cellA, String cellB) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            docx.createParagraph().createRun().setText(heading);
            docx.getParagraphs().get(0).setStyle("Heading1");
            docx.createParagraph().createRun().setText(paragraph);
            var sub = docx.createParagraph();
            sub.setStyle("Heading2");
            sub.createRun().setText(subheading);
            XWPFTable table = docx.createTable(1, 2);
            table.getRow(0).getCell(0).setText(cellA);
            table.getRow(0).getCell(1).setText(cellB);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of {@code entries} (name to bytes), in the map's order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small zip that inflates to {@code unpackedBytes} of zeros in one entry: the shape of a zip bomb. */
    public static byte[] zipBomb(long unpackedBytes) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < unpackedBytes; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, unpackedBytes - written));
            }
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
