package nl.doorbraak.report;

import java.util.ArrayList;
import java.util.List;

import nl.doorbraak.platform.Csv;

/**
 * The report as CSV: one table per section, each preceded by a row with its heading and
 * followed by an empty line; or one section's table alone.
 */
final class ProgressReportCsv {

    private ProgressReportCsv() {
    }

    static String write(List<ReportTables.Table> tables, String section) {
        StringBuilder out = new StringBuilder();
        for (ReportTables.Table table : tables) {
            if (section != null && !section.equals(table.id())) {
                continue;
            }
            if (section == null) {
                Csv.appendRow(out, List.of(table.title()));
            }
            Csv.appendRow(out, table.columns());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(ReportCells.forData(cell)));
                Csv.appendRow(out, cells);
            }
            if (section == null) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }
}
