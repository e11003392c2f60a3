package io.ainstruct.adapter.extraction;

import io.ainstruct.domain.ingest.Unreadable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/** A PDF's text in reading order (PDFBox sorts by position, so a table's cells come out row by row). */
final class PdfText {
    private PdfText() {
    }

    static String of(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (!pdf.getCurrentAccessPermission().canExtractContent()) {
                throw new Unreadable("the PDF's permissions forbid extracting its text");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // A blank line between pages keeps the last paragraph of one page apart from the first of the next.
            stripper.setPageEnd(System.lineSeparator() + System.lineSeparator());
            return stripper.getText(pdf);
        } catch (InvalidPasswordException e) {
            throw new Unreadable("encrypted PDF: it needs a password to open");
        } catch (IOException e) {
            throw new Unreadable("not a readable PDF: " + e.getMessage(), e);
        }
    }
}
