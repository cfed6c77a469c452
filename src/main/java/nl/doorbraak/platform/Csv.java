package nl.doorbraak.platform;

import java.util.List;

/**
 * CSV as RFC 4180 writes it, for exports people open in a spreadsheet: a cell that a
 * spreadsheet would read as a formula (= + - @, tab, carriage return) gets a leading apostrophe.
 */
public final class Csv {

    private Csv() {
    }

    /** One row, ending in CRLF. */
    public static void appendRow(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
