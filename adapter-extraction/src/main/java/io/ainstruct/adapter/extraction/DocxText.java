package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.ingest.Unreadable;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/** A Word document's paragraphs and tables in order; a paragraph styled as a heading becomes a markdown heading. */
final class DocxText {
    private DocxText() {
    }

    static String of(byte[] bytes) {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : docx.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    appendParagraph(text, paragraph);
                } else if (element instanceof XWPFTable table) {
                    appendTable(text, table);
                }
            }
            return text.toString();
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new Unreadable("not a readable DOCX: an encrypted or legacy (.doc) Word file");
        } catch (NotOfficeXmlFileException | POIXMLException | IOException | IllegalStateException e) {
            throw new Unreadable("not a readable DOCX: " + e.getMessage(), e);
        }
    }

    private static void appendParagraph(StringBuilder text, XWPFParagraph paragraph) {
        String line = paragraph.getText().strip();
        if (line.isEmpty()) {
            return;
        }
        int level = headingLevel(paragraph);
        if (level > 0) {
            text.append("#".repeat(level)).append(' ');
        }
        text.append(line).append("\n\n");
    }

    /** Word's built-in heading styles are "Heading1".."Heading9" by id and "heading 1".. by name; "Title" is a top heading. */
    private static int headingLevel(XWPFParagraph paragraph) {
        String style = paragraph.getStyleID();
        if (style == null && paragraph.getStyle() == null) {
            return 0;
        }
        String name = (style != null ? style : paragraph.getStyle()).replace(" ", "").toLowerCase(Locale.ROOT);
        if (name.equals("title")) {
            return 1;
        }
        if (name.startsWith("heading") && name.length() == "heading".length() + 1
                && Character.isDigit(name.charAt(name.length() - 1))) {
            return Math.min(6, Math.max(1, name.charAt(name.length() - 1) - '0'));
        }
        return 0;
    }

    private static void appendTable(StringBuilder text, XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            text.append(row.getTableCells().stream().map(XWPFTableCell::getText).map(String::strip)
                    .collect(Collectors.joining(" | "))).append('\n');
        }
        text.append('\n');
    }
}
