package nl.doorbraak.platform.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Euro amounts as Dutch readers expect them ("€ 2.400.000,00"), exact sums, and the one reading
 * of an amount as people write it, for every channel (API, web form, Tasklist forms).
 *
 * <p>The rule: a dot groups thousands and a comma separates the cents, as in Dutch
 * ("1.500.000,00", "1.500,00", "1.500.000", optionally "€ " in front and ",-" for no cents).
 * Without thousands dots, a single dot or comma followed by one or two digits is the decimal
 * separator ("1500,50", "1500.50", "0,5"). One dot or comma followed by exactly three digits
 * ("1.500", "1,500") is refused: a Dutch reader means fifteen hundred, software written for
 * English means one and a half, and which one was meant cannot be known. English grouping
 * ("1,500.00"), misplaced dots ("1.50.000,00") and more than two decimals are refused too.
 * JSON numbers follow the same rule as the digits they were written with: {@code 1.500} is
 * refused, {@code 1500.5} read as EUR 1.500,50.
 */
public final class Amounts {

    /**
     * The notations that are read, as a regular expression that both Java and JavaScript (the
     * {@code pattern} of a Camunda Forms text field) understand; a minus is not in it, because no
     * form takes a negative amount.
     */
    public static final String PATTERN = "^\\s*(€\\s*)?([0-9]+([.,][0-9]{1,2})?|[0-9]+,-"
            + "|[1-9][0-9]{0,2}(\\.[0-9]{3}){2,}|[1-9][0-9]{0,2}(\\.[0-9]{3})+(,[0-9]{1,2}|,-))\\s*$";

    /** How to write an amount, for descriptions and hints. */
    public static final String HOW_TO_WRITE = "bijvoorbeeld 1500, 1500,50 of 1.500,00";

    private static final DecimalFormatSymbols DUTCH = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL"));
    private static final int MAX_DIGITS = 15;
    private static final int ECHO_LIMIT = 30;
    private static final int MAX_LENGTH = 50;

    private static final Pattern WRITTEN = Pattern.compile("^(-?)\\s*(?:€\\s*)?(-?)([0-9.,]+?)(,-)?$");
    private static final Pattern PLAIN = Pattern.compile("[0-9]+(?:[.,]([0-9]{1,2}))?");
    private static final Pattern DUTCH_GROUPS = Pattern.compile("([1-9][0-9]{0,2}(?:\\.[0-9]{3})+)(?:,([0-9]+))?");
    private static final Pattern ENGLISH_GROUPS = Pattern.compile("[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\\.[0-9]+)?");
    private static final Pattern ONE_SEPARATOR_THREE_DIGITS = Pattern.compile("([1-9][0-9]{0,2})[.,]([0-9]{3})");
    private static final Pattern MANY_DECIMALS = Pattern.compile("[0-9]+[.,][0-9]{3,}");

    private Amounts() {
    }

    /**
     * What was written, read as an exact amount (scale 2), or why it cannot be read.
     *
     * @param refusal  the end of a Dutch sentence that starts with the field's label, or null
     * @param tooLarge more digits before the decimal separator than any amount has (the caller
     *                 names its own bound)
     */
    public record Reading(BigDecimal amount, String refusal, boolean tooLarge) {

        static Reading of(BigDecimal amount) {
            return new Reading(amount.setScale(2, RoundingMode.UNNECESSARY), null, false);
        }

        static Reading refused(String refusal) {
            return new Reading(null, refusal, false);
        }

        static Reading beyondAnyBound() {
            return new Reading(null, "is te groot.", true);
        }

        public boolean readable() {
            return amount != null;
        }
    }

    public static String euros(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DUTCH);
        return "€ " + format.format(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Reads an amount from text (a form field, a JSON string) or from a number (a JSON number,
     * read by its digits: a {@link BigDecimal} keeps the zeros it was written with). Negative
     * amounts are read; whether they are allowed is the caller's rule.
     */
    public static Reading read(Object raw) {
        if (raw instanceof String text) {
            return read(text);
        }
        if (raw instanceof BigDecimal decimal) {
            // the exponent of a JSON number can be huge: never write out more digits than an amount has
            if (decimal.precision() - decimal.scale() > MAX_DIGITS) {
                return Reading.beyondAnyBound();
            }
            if (decimal.scale() > MAX_DIGITS) {
                return Reading.refused(tooManyDecimals());
            }
            return read(decimal.toPlainString());
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof BigInteger) {
            return read(raw.toString());
        }
        if ((raw instanceof Double || raw instanceof Float) && Double.isFinite(((Number) raw).doubleValue())) {
            // a double has no written digits; its shortest decimal form is what its sender meant
            return read(BigDecimal.valueOf(((Number) raw).doubleValue()).toPlainString());
        }
        return Reading.refused(notAnAmount());
    }

    private static Reading read(String text) {
        if (text.length() > MAX_LENGTH) {
            return Reading.refused(notAnAmount());
        }
        Matcher written = WRITTEN.matcher(text.strip());
        if (!written.matches() || (!written.group(1).isEmpty() && !written.group(2).isEmpty())) {
            return Reading.refused(notAnAmount());
        }
        boolean negative = !written.group(1).isEmpty() || !written.group(2).isEmpty();
        String number = written.group(3);
        boolean noCents = written.group(4) != null;
        Reading reading = noCents ? wholeEuros(number) : number(number);
        if (!reading.readable() || !negative) {
            return reading;
        }
        return Reading.of(reading.amount().negate());
    }

    /** "1500,-" and "1.500,-": whole euros, the dash standing for no cents. */
    private static Reading wholeEuros(String number) {
        if (number.matches("[0-9]+")) {
            return digits(number, null);
        }
        Matcher grouped = DUTCH_GROUPS.matcher(number);
        if (grouped.matches() && grouped.group(2) == null) {
            return digits(grouped.group(1).replace(".", ""), null);
        }
        return Reading.refused(notAnAmount());
    }

    private static Reading number(String number) {
        Matcher ambiguous = ONE_SEPARATOR_THREE_DIGITS.matcher(number);
        if (ambiguous.matches()) {
            String whole = ambiguous.group(1) + ambiguous.group(2);
            // "1,500" may also mean 1,50; "1,234" cannot be an amount in cents, so it is not offered
            String asDecimals = ambiguous.group(2).endsWith("0")
                    ? " (bedoelt u " + ambiguous.group(1) + "," + ambiguous.group(2).substring(0, 2) + ", schrijf dan "
                    + ambiguous.group(1) + "," + ambiguous.group(2).substring(0, 2) + ")" : "";
            return Reading.refused(quoted(number) + " is niet eenduidig: een punt of komma met precies drie cijfers "
                    + "erna kan duizendtallen of decimalen scheiden. Schrijf het bedrag als " + whole + " of "
                    + dutch(whole, "00") + asDecimals + ".");
        }
        Matcher plain = PLAIN.matcher(number);
        if (plain.matches()) {
            String[] parts = number.split("[.,]");
            return digits(parts[0], parts.length > 1 ? parts[1] : null);
        }
        Matcher grouped = DUTCH_GROUPS.matcher(number);
        if (grouped.matches()) {
            String whole = grouped.group(1).replace(".", "");
            String cents = grouped.group(2);
            if (cents != null && cents.length() > 2) {
                return Reading.refused(tooManyDecimals());
            }
            return digits(whole, cents);
        }
        if (MANY_DECIMALS.matcher(number).matches()) {
            return Reading.refused(tooManyDecimals());
        }
        if (ENGLISH_GROUPS.matcher(number).matches()) {
            String[] parts = number.split("\\.");
            String whole = parts[0].replace(",", "");
            String cents = parts.length > 1 ? parts[1] : "00";
            return Reading.refused(quoted(number) + " is in Engelse schrijfwijze (komma's tussen duizendtallen). "
                    + "Schrijf het bedrag als " + whole + "," + cents + " of " + dutch(whole, cents) + ".");
        }
        String digits = number.replaceAll("[.,]", "");
        int comma = number.lastIndexOf(',');
        if (number.matches("[0-9][0-9.]*(,[0-9]{1,2})?") && number.indexOf('.') > 0 && digits.length() <= MAX_DIGITS) {
            String whole = (comma < 0 ? number : number.substring(0, comma)).replace(".", "");
            String cents = comma < 0 ? "00" : number.substring(comma + 1);
            return Reading.refused(quoted(number) + " heeft de punten op de verkeerde plaats: een punt staat tussen "
                    + "elke drie cijfers. Schrijf het bedrag als " + whole + "," + cents + " of "
                    + dutch(whole, cents) + ".");
        }
        return Reading.refused(notAnAmount());
    }

    private static Reading digits(String whole, String cents) {
        if (whole.replaceFirst("^0+(?=.)", "").length() > MAX_DIGITS) {
            return Reading.beyondAnyBound();
        }
        return Reading.of(new BigDecimal(cents == null ? whole : whole + "." + cents));
    }

    /** Full Dutch notation of whole euros (digits only) and cents: "1500", "00" to "1.500,00". */
    private static String dutch(String whole, String cents) {
        String digits = whole.replaceFirst("^0+(?=.)", "");
        if (digits.length() > MAX_DIGITS) {
            return digits + "," + cents;
        }
        String grouped = new DecimalFormat("#,##0", DUTCH).format(new BigInteger(digits));
        return grouped + "," + (cents.length() == 1 ? cents + "0" : cents);
    }

    private static String quoted(String number) {
        return "'" + (number.length() > ECHO_LIMIT ? number.substring(0, ECHO_LIMIT) + "…" : number) + "'";
    }

    private static String notAnAmount() {
        return "moet een bedrag in euro's zijn, " + HOW_TO_WRITE + ".";
    }

    private static String tooManyDecimals() {
        return "mag hoogstens twee decimalen (centen) hebben.";
    }
}
