package nl.doorbraak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decision letters archived with a case, as text PDFBox extracts from their PDF, with every
 * run of white space made one space (a sentence may break over lines in the PDF).
 */
public final class LetterTexts {

    private LetterTexts() {
    }

    /** The letters of the case, oldest first. */
    public static List<String> of(JdbcClient jdbc, String reference) {
        return jdbc.sql("""
                SELECT d.content FROM document d JOIN request r ON r.id = d.request_id
                WHERE r.reference = ? AND d.kind = 'decision-letter' ORDER BY d.uploaded_at, d.file_name""")
                .param(reference).query(byte[].class).list().stream().map(LetterTexts::text).toList();
    }

    /** The latest letter of the case. */
    public static String latest(JdbcClient jdbc, String reference) {
        List<String> letters = of(jdbc, reference);
        if (letters.isEmpty()) {
            throw new AssertionError("No decision letter archived with " + reference);
        }
        return letters.get(letters.size() - 1);
    }

    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with every run of white space as one space, to compare with what a letter shows. */
    public static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
