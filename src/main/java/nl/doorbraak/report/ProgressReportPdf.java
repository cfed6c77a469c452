package nl.doorbraak.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report as PDF (A4 landscape), drawn with PDFBox: headings, notes, tables that break over
 * pages, and the same bar charts as the HTML page. The standard Helvetica font covers the
 * Western European characters Dutch needs (é, ë, €, –); anything else is shown as "?".
 */
final class ProgressReportPdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final Color BLUE = new Color(0x01, 0x68, 0x9b);
    private static final Color ORANGE = new Color(0xe1, 0x70, 0x00);
    private static final Color HEADER = new Color(0xe5, 0xf0, 0xf9);

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final java.util.Map<String, String> shown = new java.util.HashMap<>();
    private PDPageContentStream content;
    private float y;

    private ProgressReportPdf() {
    }

    static byte[] write(ProgressReport report, List<ReportTables.Table> tables, Instant generatedAt) {
        ProgressReportPdf pdf = new ProgressReportPdf();
        try {
            return pdf.render(report, tables, generatedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the progress report as PDF failed", e);
        }
    }

    private byte[] render(ProgressReport report, List<ReportTables.Table> tables, Instant generatedAt) throws IOException {
        ProgressReport.Scope scope = report.scope();
        String title = "Voortgangsrapportage Doorbraak, " + scope.periodLabel();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Programmabureau Nationaal Programma Leefbaarheid en Veiligheid");
        info.setSubject("Verzoeken om regelaanpassing en ontschotting van budgetten");
        newPage();
        text(title, bold, 18, BLUE);
        y -= 6;
        paragraph("Periode " + ReportCells.forPeople(scope.firstDay()) + " tot en met "
                + ReportCells.forPeople(scope.lastDay()) + "; stand op " + ReportCells.forPeople(scope.asOf())
                + (scope.municipality() == null ? ". Alle gemeenten." : ". Alleen de verzoeken van de gemeente "
                + scope.municipalityName() + ".") + " Opgesteld op " + ReportCells.forPeople(generatedAt) + ".", 9);
        for (ReportTables.Table table : tables) {
            room(60);
            y -= 10;
            text(table.title(), bold, 13, BLUE);
            if (table.note() != null) {
                paragraph(table.note(), 8);
            }
            if (table.rows().isEmpty()) {
                paragraph("Niets te melden in deze periode.", 9);
                continue;
            }
            if (table.chart() != null) {
                chart(table);
            }
            table(table);
        }
        content.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
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
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void text(String text, PDType1Font font, float size, Color color) throws IOException {
        room(size + 4);
        y -= size;
        write(MARGIN, y, text, font, size, color);
        y -= 4;
    }

    private void paragraph(String text, float size) throws IOException {
        for (String line : wrap(text, regular, size, WIDTH)) {
            text(line, regular, size, Color.DARK_GRAY);
        }
    }

    private void chart(ReportTables.Table table) throws IOException {
        ReportTables.Chart chart = table.chart();
        int series = chart.valueColumns().size();
        float rowHeight = 16;
        float labelWidth = 160;
        float barArea = WIDTH * 0.55f;
        room(20 + rowHeight * Math.min(table.rows().size(), 8));
        text(chart.title(), bold, 9, Color.BLACK);
        double max = 0;
        for (List<Object> row : table.rows()) {
            for (int column : chart.valueColumns()) {
                max = Math.max(max, ReportCells.magnitude(row.get(column)));
            }
        }
        for (List<Object> row : table.rows()) {
            room(rowHeight);
            float top = y;
            write(MARGIN, top - 10, fit(ReportCells.forPeople(row.get(chart.labelColumn())), regular, 8, labelWidth - 4),
                    regular, 8, Color.BLACK);
            float barHeight = (rowHeight - 4) / series;
            for (int s = 0; s < series; s++) {
                Object value = row.get(chart.valueColumns().get(s));
                float width = max == 0 ? 0 : (float) (ReportCells.magnitude(value) / max * barArea);
                float barTop = top - 2 - s * barHeight;
                content.setNonStrokingColor(s == 0 ? BLUE : ORANGE);
                content.addRect(MARGIN + labelWidth, barTop - barHeight + 1, width, barHeight - 1);
                content.fill();
                write(MARGIN + labelWidth + width + 4, barTop - barHeight + 2, ReportCells.forPeople(value), regular, 7,
                        Color.BLACK);
            }
            y -= rowHeight;
        }
        y -= 4;
    }

    private void table(ReportTables.Table table) throws IOException {
        float size = table.columns().size() > 8 ? 7 : 8;
        float[] widths = columnWidths(table, size);
        List<List<String>> header = List.of(table.columns());
        drawRow(wrapRow(header.get(0), widths, bold, size), widths, bold, size, true, table);
        for (List<Object> row : table.rows()) {
            List<String> cells = row.stream().map(ReportCells::forPeople).toList();
            drawRow(wrapRow(cells, widths, regular, size), widths, regular, size, false, table);
        }
        y -= 6;
    }

    private void drawRow(List<List<String>> lines, float[] widths, PDType1Font font, float size, boolean header,
                         ReportTables.Table table) throws IOException {
        int height = lines.stream().mapToInt(List::size).max().orElse(1);
        float rowHeight = height * (size + 2) + 4;
        if (y - rowHeight < MARGIN) {
            newPage();
            if (!header) {
                drawRow(wrapRow(table.columns(), widths, bold, size), widths, bold, size, true, table);
            }
        }
        float x = MARGIN;
        if (header) {
            content.setNonStrokingColor(HEADER);
            content.addRect(MARGIN, y - rowHeight, WIDTH, rowHeight);
            content.fill();
        }
        content.setStrokingColor(Color.LIGHT_GRAY);
        for (int column = 0; column < widths.length; column++) {
            content.addRect(x, y - rowHeight, widths[column], rowHeight);
            content.stroke();
            float lineY = y - size - 1;
            for (String line : lines.get(column)) {
                write(x + 2, lineY, line, font, size, Color.BLACK);
                lineY -= size + 2;
            }
            x += widths[column];
        }
        y -= rowHeight;
    }

    /** Widths in proportion to the longest text in each column, within limits, filling the page. */
    private float[] columnWidths(ReportTables.Table table, float size) throws IOException {
        float[] wanted = new float[table.columns().size()];
        for (int column = 0; column < wanted.length; column++) {
            float widest = Math.min(width(table.columns().get(column), bold, size), 90);
            for (List<Object> row : table.rows()) {
                widest = Math.max(widest, width(ReportCells.forPeople(row.get(column)), regular, size));
            }
            wanted[column] = Math.max(30, Math.min(widest + 6, 260));
        }
        float total = 0;
        for (float width : wanted) {
            total += width;
        }
        for (int column = 0; column < wanted.length; column++) {
            wanted[column] = wanted[column] / total * WIDTH;
        }
        return wanted;
    }

    private List<List<String>> wrapRow(List<String> cells, float[] widths, PDType1Font font, float size)
            throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            lines.add(wrap(cells.get(column), font, size, widths[column] - 4));
        }
        return lines;
    }

    private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private String fit(String text, PDType1Font font, float size, float width) throws IOException {
        String fitted = safe(text);
        while (fitted.length() > 1 && width(fitted, font, size) > width) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        return fitted;
    }

    private float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    private void write(float x, float baseline, String text, PDType1Font font, float size, Color color)
            throws IOException {
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe(text));
        content.endText();
    }

    /** Characters the standard font cannot show become "?"; line breaks become spaces. */
    private String safe(String text) {
        return shown.computeIfAbsent(text, this::encodable);
    }

    private String encodable(String text) {
        StringBuilder safe = new StringBuilder();
        text.replaceAll("[\\r\\n\\t]+", " ").codePoints().forEach(point -> {
            String character = new String(Character.toChars(point));
            try {
                regular.encode(character);
                safe.append(character);
            } catch (IOException | IllegalArgumentException e) {
                safe.append('?');
            }
        });
        return safe.toString();
    }
}
