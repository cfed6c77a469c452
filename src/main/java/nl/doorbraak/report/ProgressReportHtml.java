package nl.doorbraak.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report as one HTML page (template {@code templates/report/progress.html}): every section a
 * table, and a bar chart as inline SVG beside the sections that have one. A chart is an image
 * with a title and a description; its numbers are the table under it, so nothing is only
 * visible in the picture.
 */
@Component
class ProgressReportHtml {

    private static final int CHART_WIDTH = 800;
    private static final int LABEL_WIDTH = 260;
    private static final int VALUE_WIDTH = 130;
    private static final int ROW_HEIGHT = 30;

    record Page(String title, String scope, String generatedAt, List<HtmlTable> tables) {
    }

    record HtmlTable(String id, String title, String note, List<String> columns, List<Boolean> numeric,
                     List<List<String>> rows, HtmlChart chart) {
    }

    record HtmlChart(String id, String title, String description, int width, int height, List<Bar> bars,
                     List<Legend> legend) {
    }

    record Bar(String label, int labelY, List<Segment> segments) {
    }

    record Segment(int x, int y, int width, int height, String cssClass, String value, int valueX, int valueY) {
    }

    record Legend(String label, String cssClass, int x) {
    }

    private final TemplateEngine templates;

    ProgressReportHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    String write(ProgressReport report, List<ReportTables.Table> tables, Instant generatedAt) {
        List<HtmlTable> htmlTables = new ArrayList<>();
        for (ReportTables.Table table : tables) {
            List<Boolean> numeric = new ArrayList<>();
            for (int column = 0; column < table.columns().size(); column++) {
                int index = column;
                numeric.add(!table.rows().isEmpty()
                        && table.rows().stream().allMatch(row -> ReportCells.isNumber(row.get(index))
                        || "–".equals(row.get(index))));
            }
            List<List<String>> rows = table.rows().stream()
                    .map(row -> row.stream().map(ReportCells::forPeople).toList()).toList();
            htmlTables.add(new HtmlTable(table.id(), table.title(), table.note(), table.columns(), numeric, rows,
                    table.chart() == null || table.rows().isEmpty() ? null : chart(table)));
        }
        ProgressReport.Scope scope = report.scope();
        String title = "Voortgangsrapportage Doorbraak, " + scope.periodLabel();
        String scopeText = "Periode " + ReportCells.forPeople(scope.firstDay()) + " tot en met "
                + ReportCells.forPeople(scope.lastDay()) + "; stand op " + ReportCells.forPeople(scope.asOf())
                + (scope.municipality() == null ? ". Alle gemeenten." : ". Alleen de verzoeken van de gemeente "
                + scope.municipalityName() + ".");
        Context context = new Context();
        context.setVariable("page", new Page(title, scopeText, ReportCells.forPeople(generatedAt), htmlTables));
        return templates.process("report/progress", context);
    }

    /** Horizontal bars, one group per row, one bar per value column, scaled to the largest value. */
    private static HtmlChart chart(ReportTables.Table table) {
        ReportTables.Chart chart = table.chart();
        double max = 0;
        for (List<Object> row : table.rows()) {
            for (int column : chart.valueColumns()) {
                max = Math.max(max, ReportCells.magnitude(row.get(column)));
            }
        }
        int series = chart.valueColumns().size();
        int barHeight = (ROW_HEIGHT - 8) / series;
        int barArea = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>();
        int y = 30;
        for (List<Object> row : table.rows()) {
            List<Segment> segments = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                Object value = row.get(chart.valueColumns().get(s));
                int width = max == 0 ? 0 : (int) Math.round(ReportCells.magnitude(value) / max * barArea);
                int top = y + s * barHeight;
                segments.add(new Segment(LABEL_WIDTH, top, width, barHeight - 1, "series-" + s,
                        ReportCells.forPeople(value), LABEL_WIDTH + width + 6, top + barHeight - 3));
            }
            bars.add(new Bar(ReportCells.forPeople(row.get(chart.labelColumn())), y + ROW_HEIGHT / 2, segments));
            y += ROW_HEIGHT;
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            legend.add(new Legend(table.columns().get(chart.valueColumns().get(s)), "series-" + s, LABEL_WIDTH + s * 160));
        }
        return new HtmlChart("chart-" + table.id(), chart.title(),
                "Staafdiagram; de cijfers staan in de tabel " + table.title() + ".", CHART_WIDTH, y + 6, bars, legend);
    }
}
