package nl.doorbraak.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.platform.CaseClock;

/** How a cell of the report reads: for people (Dutch numbers, euros, dates) or for data (CSV). */
final class ReportCells {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy", DUTCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", DUTCH)
            .withZone(CaseClock.DUTCH_TIME);

    private ReportCells() {
    }

    static String forPeople(Object value) {
        if (value instanceof ReportTables.Euros euros) {
            return Amounts.euros(euros.amount());
        }
        if (value instanceof BigDecimal decimal) {
            return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(DUTCH)).format(decimal);
        }
        if (value instanceof Long number) {
            return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(DUTCH)).format(number);
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Instant moment) {
            return MOMENT.format(moment);
        }
        return value == null ? "" : value.toString();
    }

    /** Plain values for spreadsheets: 1800000.00, 2031-03-01, ISO instants; no dash for "none". */
    static String forData(Object value) {
        if (value instanceof ReportTables.Euros euros) {
            return euros.amount().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if ("–".equals(value)) {
            return "";
        }
        return value == null ? "" : value.toString();
    }

    static boolean isNumber(Object value) {
        return value instanceof Number || value instanceof ReportTables.Euros;
    }

    /** The value a chart draws for a cell. */
    static double magnitude(Object value) {
        if (value instanceof ReportTables.Euros euros) {
            return euros.amount().doubleValue();
        }
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
