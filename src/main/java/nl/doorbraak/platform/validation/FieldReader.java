package nl.doorbraak.platform.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.doorbraak.platform.CaseClock;

/**
 * Reads the raw value of one field as its kind says, or records why it cannot: the checks every
 * {@link InputSchema} makes of a single value, with their Dutch messages.
 */
final class FieldReader {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int ECHO_LIMIT = 40;
    static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,15}");

    private FieldReader() {
    }

    /** The value of one field, or null when it is missing or wrong (which is then recorded). */
    static Object convert(InputField field, Object raw, List<FieldError> errors, boolean rejectUnknown) {
        if (raw == null || (raw instanceof String text && text.isBlank())) {
            return null;
        }
        return switch (field.kind()) {
            case TEXT, EMAIL -> text(field, raw, errors);
            case CHOICE -> choice(field, raw, errors);
            case CHOICES -> choices(field, raw, errors);
            case INTEGER -> integer(field, raw, errors);
            case INTEGERS -> integers(field, raw, errors);
            case DATE -> date(field, raw, errors);
            case AMOUNT -> amount(field, raw, errors);
            case ROWS -> rows(field, raw, errors, rejectUnknown);
        };
    }

    /**
     * Whole numbers in the field's range, each at most once (the schema says uniqueItems: a
     * repeated year is a mistake to point out, not to paper over), returned ascending.
     */
    private static List<Long> integers(InputField field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof Collection<?> items)) {
            errors.add(new FieldError(field.key(), field.label() + " moet een lijst van gehele getallen zijn."));
            return null;
        }
        java.util.TreeSet<Long> numbers = new java.util.TreeSet<>();
        for (Object item : items) {
            Long number = wholeNumber(item);
            if (number == null || number < field.min() || number > field.max()) {
                errors.add(new FieldError(field.key(), field.label() + " mag alleen gehele getallen tussen "
                        + field.min() + " en " + field.max() + " bevatten."));
                return null;
            }
            if (!numbers.add(number)) {
                errors.add(twice(field, number.toString()));
                return null;
            }
        }
        return numbers.isEmpty() ? null : List.copyOf(numbers);
    }

    private static FieldError twice(InputField field, String value) {
        return new FieldError(field.key(), field.label() + " bevat '" + echo(value)
                + "' meer dan eens; noem elke waarde één keer.");
    }

    /**
     * An amount in euros, exact, read by {@link Amounts#read} (the one rule for every channel: a
     * JSON number, or text in Dutch or plain notation), at most two decimals, within the bounds.
     */
    private static BigDecimal amount(InputField field, Object raw, List<FieldError> errors) {
        Amounts.Reading reading = Amounts.read(raw);
        if (!reading.readable() && !reading.tooLarge()) {
            errors.add(new FieldError(field.key(), field.label() + " " + reading.refusal()));
            return null;
        }
        BigDecimal value = reading.amount();
        boolean positiveRequired = field.min() > 0;
        if (value != null && (positiveRequired ? value.signum() <= 0 : value.signum() < 0)) {
            errors.add(new FieldError(field.key(), field.label()
                    + (positiveRequired ? " moet groter dan 0 zijn." : " mag niet negatief zijn.")));
            return null;
        }
        if (reading.tooLarge() || value.compareTo(field.maxAmount()) > 0) {
            errors.add(new FieldError(field.key(), field.label() + " mag hoogstens " + Amounts.euros(field.maxAmount())
                    + " zijn."));
            return null;
        }
        return value;
    }

    /**
     * A list of objects, each checked by the row schema; errors name the row, e.g.
     * {@code budgetLines[1].amount} with "Budgetregel 2: ...". Any wrong row makes the whole
     * list invalid, so rules over several rows only see complete, valid lists.
     */
    private static List<Values> rows(InputField field, Object raw, List<FieldError> errors,
                                                   boolean rejectUnknown) {
        if (!(raw instanceof Collection<?> items)) {
            errors.add(new FieldError(field.key(), field.label() + " moet een lijst zijn."));
            return null;
        }
        if (items.size() > field.max()) {
            errors.add(new FieldError(field.key(), field.label() + " mag hoogstens " + field.max()
                    + " regels bevatten (nu " + items.size() + ")."));
            return null;
        }
        List<Values> rows = new ArrayList<>();
        boolean valid = true;
        int index = 0;
        for (Object item : items) {
            String prefix = field.key() + "[" + index + "]";
            String rowName = field.rowLabel() + " " + (index + 1);
            index++;
            if (!(item instanceof Map<?, ?> row)) {
                errors.add(new FieldError(prefix, rowName + " moet een object met velden zijn."));
                valid = false;
                continue;
            }
            try {
                rows.add(field.rows().validate(InputSchema.stringKeys(row), rejectUnknown));
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError(prefix + "." + error.field(),
                        rowName + ": " + error.message())));
                valid = false;
            }
        }
        return valid && !rows.isEmpty() ? List.copyOf(rows) : null;
    }

    private static String text(InputField field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof String untrimmed)) {
            errors.add(new FieldError(field.key(), field.label() + " moet tekst zijn."));
            return null;
        }
        // counted as the forms count: without leading and trailing white space
        String text = untrimmed.strip();
        String unsafe = unsafeCharacter(text);
        if (unsafe != null) {
            errors.add(new FieldError(field.key(), field.label() + " " + unsafe));
            return null;
        }
        if (text.length() > field.maxLength()) {
            errors.add(new FieldError(field.key(), field.label() + " mag hoogstens " + field.maxLength()
                    + " tekens bevatten (nu " + text.length() + ")."));
            return null;
        }
        if (field.kind() == InputField.Kind.EMAIL && !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError(field.key(), field.label() + " is geen geldig e-mailadres."));
            return null;
        }
        return text;
    }

    /**
     * Text is refused, not cleaned, when it holds a character that shows something other than
     * what is stored: a control character other than tab and line breaks (a NUL, an escape
     * sequence for a terminal), a character that overrides or isolates the reading direction
     * (U+202A–U+202E, U+2066–U+2069: "Trojan Source", a file name that reads "exe.pdf"), or half
     * of a surrogate pair (no UTF-8 form; PostgreSQL would refuse it). The marks U+200E, U+200F
     * and U+061C that right-to-left text legitimately needs are allowed.
     *
     * @return the Dutch end of the error sentence after the label, or null when the text is safe
     */
    static String unsafeCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String position = " (teken " + (i + 1) + ")";
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "bevat een stuurteken" + position + "; dat is niet toegestaan.";
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "bevat een teken dat de leesrichting van de tekst omkeert of afschermt (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + position
                        + "); dat is niet toegestaan.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "bevat een ongeldig teken (een half tekenpaar" + position + ").";
            }
        }
        return null;
    }

    private static String choice(InputField field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof String value)) {
            errors.add(new FieldError(field.key(), field.label() + " moet tekst zijn."));
            return null;
        }
        Map<String, String> allowed = field.allowed().get();
        if (!allowed.containsKey(value)) {
            errors.add(new FieldError(field.key(), field.label() + " heeft een onbekende waarde '" + echo(value)
                    + "'. Kies uit: " + String.join(", ", allowed.keySet()) + "."));
            return null;
        }
        return value;
    }

    private static List<String> choices(InputField field, Object raw, List<FieldError> errors) {
        if (!(raw instanceof Collection<?> items)) {
            errors.add(new FieldError(field.key(), field.label() + " moet een lijst zijn."));
            return null;
        }
        Map<String, String> allowed = field.allowed().get();
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            if (!(item instanceof String value)) {
                errors.add(new FieldError(field.key(), field.label() + " moet een lijst van codes zijn."));
                return null;
            }
            if (!allowed.containsKey(value)) {
                errors.add(new FieldError(field.key(), field.label() + " bevat een onbekende waarde '" + echo(value)
                        + "'. Kies uit: " + String.join(", ", allowed.keySet()) + "."));
                return null;
            }
            if (!chosen.add(value)) {
                errors.add(twice(field, value));
                return null;
            }
        }
        return chosen.isEmpty() ? null : List.copyOf(chosen);
    }

    private static Long integer(InputField field, Object raw, List<FieldError> errors) {
        Long value = wholeNumber(raw);
        if (value == null) {
            errors.add(new FieldError(field.key(), field.label() + " moet een geheel getal zijn"
                    + (raw instanceof String text && WHOLE_NUMBER.matcher(text).matches()
                    ? ", geen tekst: schrijf " + text + " zonder aanhalingstekens." : ".")));
            return null;
        }
        if (value < field.min() || value > field.max()) {
            errors.add(new FieldError(field.key(), field.label() + " moet liggen tussen " + field.min() + " en "
                    + field.max() + "."));
            return null;
        }
        return value;
    }

    /** A whole number given as a number; text is never one here (text channels go through {@link InputSchema#fromText}). */
    private static Long wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big) {
            return big.bitLength() < 63 ? big.longValue() : null;
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return null;
            }
            BigDecimal decimal = new BigDecimal(raw.toString());
            boolean whole = decimal.stripTrailingZeros().scale() <= 0;
            return whole && decimal.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) < 0
                    ? decimal.longValue() : null;
        }
        return null;
    }

    private static LocalDate date(InputField field, Object raw, List<FieldError> errors) {
        try {
            if (raw instanceof Date date) {
                return date.toInstant().atZone(CaseClock.DUTCH_TIME).toLocalDate();
            }
            if (raw instanceof LocalDate date) {
                return date;
            }
            if (raw instanceof String text) {
                // Tasklist's date picker may send a date-time; the date part is what counts
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field.key(), field.label() + " moet een datum zijn (JJJJ-MM-DD)."));
        return null;
    }

    static String echo(String value) {
        String shown = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

}
