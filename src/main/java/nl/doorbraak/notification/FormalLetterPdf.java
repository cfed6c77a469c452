package nl.doorbraak.notification;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A formal letter as PDF (A4 portrait) with the letterhead elements: the sender at the top right,
 * the addressee, date, kenmerk and subject, the text with its section headings, and on every page
 * the kenmerk and "pagina 1 van 2". The font (Liberation Sans, shipped inside PDFBox) is embedded,
 * so the letter looks the same on every computer and in the archive.
 */
public final class FormalLetterPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 64;
    private static final float BOTTOM = 72;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float SIZE = 10;
    private static final float LEADING = 14;
    private static final Color BLUE = new Color(0x15, 0x42, 0x73);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final Map<Character, Character> printable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    private FormalLetterPdf() throws IOException {
        try (InputStream in = FormalLetterPdf.class.getResourceAsStream(FONT)) {
            font = PDType0Font.load(document, in);
        }
    }

    public static byte[] write(FormalLetter letter) {
        try {
            return new FormalLetterPdf().render(letter);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing letter " + letter.kenmerk() + " as PDF failed", e);
        }
    }

    private byte[] render(FormalLetter letter) throws IOException {
        List<String> sender = FormalLetter.sender();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(letter.subject());
        info.setAuthor(sender.get(0));
        info.setSubject(letter.kenmerk());
        document.getDocumentCatalog().setLanguage("nl-NL");
        newPage();
        float top = y;
        for (String line : sender) {
            write(PAGE.getWidth() - MARGIN - 190, y, line, 9, line.equals(sender.get(0)) ? BLUE : GREY);
            y -= 12;
        }
        y = Math.min(y, top - 70) - 20;
        for (String line : letter.addressee()) {
            line(line, SIZE, Color.BLACK, 0);
        }
        y -= 28;
        field("Datum", LetterTemplates.date(letter.date()));
        field("Kenmerk", letter.kenmerk());
        field("Onderwerp", letter.subject());
        y -= LEADING;
        for (String paragraph : letter.body().split("\n")) {
            if (paragraph.isBlank()) {
                y -= LEADING / 2;
            } else if (paragraph.startsWith("### ")) {
                room(3 * LEADING);
                y -= LEADING / 2;
                line(paragraph.substring(4), 11.5f, BLUE, 0);
            } else if (paragraph.startsWith("- ")) {
                List<String> lines = wrap(paragraph.substring(2), WIDTH - 14);
                for (int i = 0; i < lines.size(); i++) {
                    line((i == 0 ? "• " : "") + lines.get(i), SIZE, Color.BLACK, i == 0 ? 4 : 14);
                }
            } else {
                for (String line : wrap(paragraph, WIDTH)) {
                    line(line, SIZE, Color.BLACK, 0);
                }
            }
        }
        content.close();
        footers(letter.kenmerk());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }

    private void field(String label, String value) throws IOException {
        List<String> lines = wrap(value == null ? "" : value, WIDTH - 80);
        write(MARGIN, y - SIZE, label, 9, GREY);
        for (String line : lines) {
            room(LEADING);
            y -= LEADING;
            write(MARGIN + 80, y + LEADING - SIZE, line, SIZE, Color.BLACK);
        }
    }

    private void line(String text, float size, Color color, float indent) throws IOException {
        room(LEADING);
        y -= LEADING;
        write(MARGIN + indent, y + LEADING - size, text, size, color);
    }

    /** Page numbers once the number of pages is known. */
    private void footers(String kenmerk) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footer;
                write(MARGIN, BOTTOM - 36, "Kenmerk " + kenmerk, 8, GREY);
                String number = "pagina " + (i + 1) + " van " + pages;
                write(PAGE.getWidth() - MARGIN - font.getStringWidth(safe(number)) / 1000 * 8, BOTTOM - 36, number, 8,
                        GREY);
            }
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void room(float needed) throws IOException {
        if (y - needed < BOTTOM) {
            newPage();
        }
    }

    private void write(float x, float baseline, String text, float size, Color color) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(safe(text));
        content.endText();
    }

    private List<String> wrap(String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(safe(candidate)) / 1000 * SIZE > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with each character the font cannot show replaced by "?". */
    private String safe(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            shown.append(printable.computeIfAbsent(c, this::printable));
        }
        return shown.toString();
    }

    private char printable(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return '?';
        }
        try {
            font.encode(String.valueOf(c));
            return c;
        } catch (IOException | IllegalArgumentException e) {
            return '?';
        }
    }
}
