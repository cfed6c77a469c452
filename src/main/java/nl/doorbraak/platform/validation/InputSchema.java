package nl.doorbraak.platform.validation;

import nl.doorbraak.platform.CaseClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.EmailSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The rules of one kind of input — an API body, a start form, a task form — checked in one
 * pass that reports every error at once. The API and the process engine use the same schema,
 * so a form submitted in Tasklist and a call to the API obey exactly the same rules.
 */
public final class InputSchema {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int ECHO_LIMIT = 40;
    private static final String AMOUNT_DESCRIPTION = " (euro's, exact, hoogstens twee decimalen): een JSON-getal "
            + "(1500.5) of tekst in Nederlandse schrijfwijze (\"1.500,50\", \"€ 1.500.000,00\") of zonder punten voor "
            + "duizendtallen (\"1500,50\", \"1500.50\"). Eén punt of komma met precies drie cijfers erna (\"1.500\", "
            + "\"1,500\", ook het JSON-getal 1.500) is niet eenduidig en wordt geweigerd, net als Engelse schrijfwijze "
            + "(\"1,500.00\").";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,15}");

    private enum Kind { TEXT, EMAIL, CHOICE, CHOICES, INTEGER, INTEGERS, DATE, AMOUNT, ROWS }

    /**
     * One field. {@code min}/{@code max} bound integers and the number of rows (for an amount,
     * {@code min} 1 means above zero); {@code rows} checks each row of a list of objects.
     */
    private record Field(String key, String label, Kind kind, Predicate<Map<String, Object>> required,
                         Predicate<Map<String, Object>> applies, int maxLength, long min, long max,
                         Supplier<Map<String, String>> allowed, BigDecimal maxAmount,
                         InputSchema rows, String rowLabel) {

        boolean alwaysRequired() {
            return required == Builder.ALWAYS && applies == Builder.ALWAYS;
        }
    }

    private final List<Field> fields;
    private final List<Function<Map<String, Object>, List<FieldError>>> checks;

    private InputSchema(List<Field> fields, List<Function<Map<String, Object>, List<FieldError>>> checks) {
        this.fields = List.copyOf(fields);
        this.checks = List.copyOf(checks);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        fields.forEach(field -> keys.add(field.key()));
        return keys;
    }

    /**
     * Input from a channel where every value is text (query parameters, an HTML form), typed as
     * a JSON body would be: whole numbers in the fields the schema calls integers (and in its
     * lists of integers, and in rows) become numbers. Everything else is left as it is, so the
     * same checks and messages apply as to the API; a JSON body never comes through here, so
     * {@code "firstYear":"2027"} there stays text and is refused.
     */
    public Map<String, Object> fromText(Map<String, ?> input) {
        Map<String, Object> typed = new LinkedHashMap<>(input);
        for (Field field : fields) {
            Object value = typed.get(field.key());
            if (value == null) {
                continue;
            }
            switch (field.kind()) {
                case INTEGER -> typed.put(field.key(), numberFromText(value));
                case INTEGERS -> {
                    if (value instanceof Collection<?> items) {
                        typed.put(field.key(), items.stream().map(InputSchema::numberFromText).toList());
                    }
                }
                case ROWS -> {
                    if (value instanceof Collection<?> rows) {
                        typed.put(field.key(), rows.stream().map(row -> row instanceof Map<?, ?> map
                                ? field.rows().fromText(stringKeys(map)) : row).toList());
                    }
                }
                default -> {
                }
            }
        }
        return typed;
    }

    /** Checks query parameters (text, unknown ones refused), as {@link #validate} checks a body. */
    public Map<String, Object> validateQuery(Map<String, String> parameters) {
        return validate(fromText(parameters), true);
    }

    private static Object numberFromText(Object value) {
        return value instanceof String text && WHOLE_NUMBER.matcher(text.strip()).matches()
                ? Long.valueOf(text.strip()) : value;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new LinkedHashMap<>();
        map.forEach((key, item) -> keyed.put(String.valueOf(key), item));
        return keyed;
    }

    /**
     * The schema as an OpenAPI (JSON Schema) object, for the API documentation: generated from
     * the same rules that validate, so the two cannot drift apart. Rules over several fields and
     * conditional fields are described in words only.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema<Object> describe() {
        Schema<Object> object = new ObjectSchema();
        object.setAdditionalProperties(false);
        for (Field field : fields) {
            if (object.getProperties() != null && object.getProperties().containsKey(field.key())) {
                continue;
            }
            Schema property = switch (field.kind()) {
                case TEXT -> new StringSchema().maxLength(field.maxLength());
                case EMAIL -> new EmailSchema();
                case CHOICE -> new StringSchema()._enum(List.copyOf(field.allowed().get().keySet()));
                case CHOICES -> new ArraySchema().items(
                        new StringSchema()._enum(List.copyOf(field.allowed().get().keySet())))
                        .uniqueItems(true);
                case INTEGER -> new IntegerSchema().minimum(BigDecimal.valueOf(field.min()))
                        .maximum(BigDecimal.valueOf(field.max()));
                case INTEGERS -> new ArraySchema().items(
                        new IntegerSchema().minimum(BigDecimal.valueOf(field.min()))
                                .maximum(BigDecimal.valueOf(field.max())))
                        .uniqueItems(true);
                case DATE -> new DateSchema();
                case AMOUNT -> new Schema<>().oneOf(List.of(
                        new NumberSchema().multipleOf(new BigDecimal("0.01")).minimum(BigDecimal.ZERO)
                                .exclusiveMinimum(field.min() > 0).maximum(field.maxAmount()),
                        new StringSchema().pattern(Amounts.PATTERN)));
                case ROWS -> new ArraySchema().items(field.rows().describe())
                        .minItems(1).maxItems((int) field.max());
            };
            property.setDescription(field.label() + (field.kind() == Kind.AMOUNT ? AMOUNT_DESCRIPTION : ""));
            object.addProperty(field.key(), property);
            if (field.alwaysRequired()) {
                object.addRequiredItem(field.key());
            }
        }
        return object;
    }

    /**
     * Checks the input and returns the values of the fields that apply, as plain Java values
     * (String, Long, LocalDate, List of String). Throws with every error found.
     *
     * @param rejectUnknown whether keys the schema does not know are errors (API bodies) or
     *                      ignored (process variables, where other variables are in scope too)
     */
    public Map<String, Object> validate(Map<String, ?> input, boolean rejectUnknown) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (rejectUnknown) {
            for (String key : input.keySet()) {
                if (fields.stream().noneMatch(field -> field.key().equals(key))) {
                    errors.add(new FieldError(key, "Onbekend veld '" + echo(key) + "'."));
                }
            }
        }
        for (Field field : fields) {
            Object converted = convert(field, InputValues.plain(input.get(field.key())), errors, rejectUnknown);
            if (converted != null) {
                values.put(field.key(), converted);
            }
        }
        Map<String, Object> applicable = new LinkedHashMap<>();
        for (Field field : fields) {
            if (!field.applies().test(values)) {
                continue;
            }
            Object value = values.get(field.key());
            if (value == null) {
                if (field.required().test(values) && errors.stream().noneMatch(e -> e.field().equals(field.key())
                        || e.field().startsWith(field.key() + "["))) {
                    errors.add(new FieldError(field.key(), field.label() + " is verplicht."));
                }
            } else {
                applicable.put(field.key(), value);
            }
        }
        // rules over several fields see only the valid values; each skips what is missing
        for (var check : checks) {
            errors.addAll(check.apply(applicable));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return applicable;
    }

    /** The value of one field, or null when it is missing or wrong (which is then recorded). */
    private static Object convert(Field field, Object raw, List<FieldError> errors, boolean rejectUnknown) {
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
    private static List<Long> integers(Field field, Object raw, List<FieldError> errors) {
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

    private static FieldError twice(Field field, String value) {
        return new FieldError(field.key(), field.label() + " bevat '" + echo(value)
                + "' meer dan eens; noem elke waarde één keer.");
    }

    /**
     * An amount in euros, exact, read by {@link Amounts#read} (the one rule for every channel: a
     * JSON number, or text in Dutch or plain notation), at most two decimals, within the bounds.
     */
    private static BigDecimal amount(Field field, Object raw, List<FieldError> errors) {
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
    private static List<Map<String, Object>> rows(Field field, Object raw, List<FieldError> errors,
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
        List<Map<String, Object>> rows = new ArrayList<>();
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
                rows.add(field.rows().validate(stringKeys(row), rejectUnknown));
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError(prefix + "." + error.field(),
                        rowName + ": " + error.message())));
                valid = false;
            }
        }
        return valid && !rows.isEmpty() ? List.copyOf(rows) : null;
    }

    private static String text(Field field, Object raw, List<FieldError> errors) {
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
        if (field.kind() == Kind.EMAIL && !EMAIL.matcher(text).matches()) {
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

    private static String choice(Field field, Object raw, List<FieldError> errors) {
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

    private static List<String> choices(Field field, Object raw, List<FieldError> errors) {
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

    private static Long integer(Field field, Object raw, List<FieldError> errors) {
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

    /** A whole number given as a number; text is never one here (text channels go through {@link #fromText}). */
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

    private static LocalDate date(Field field, Object raw, List<FieldError> errors) {
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

    private static String echo(String value) {
        String shown = value.length() > ECHO_LIMIT ? value.substring(0, ECHO_LIMIT) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Builds a schema field by field, in the order errors should be reported. */
    public static final class Builder {

        private static final Predicate<Map<String, Object>> ALWAYS = values -> true;
        private static final Predicate<Map<String, Object>> NEVER = values -> false;

        private final List<Field> fields = new ArrayList<>();
        private final List<Function<Map<String, Object>, List<FieldError>>> checks = new ArrayList<>();
        private Predicate<Map<String, Object>> applies = ALWAYS;

        private Builder() {
        }

        /** The fields added after this call only count when the condition holds. */
        public Builder when(Predicate<Map<String, Object>> condition) {
            this.applies = condition;
            return this;
        }

        /** The fields added after this call always count. */
        public Builder always() {
            this.applies = ALWAYS;
            return this;
        }

        public Builder text(String key, String label, boolean required, int maxLength) {
            return add(key, label, Kind.TEXT, required, maxLength, 0, 0, Map::of);
        }

        public Builder email(String key, String label, boolean required) {
            return add(key, label, Kind.EMAIL, required, 254, 0, 0, Map::of);
        }

        public Builder choice(String key, String label, boolean required, Supplier<Map<String, String>> allowed) {
            return add(key, label, Kind.CHOICE, required, 0, 0, 0, allowed);
        }

        public Builder choices(String key, String label, boolean required, Supplier<Map<String, String>> allowed) {
            return add(key, label, Kind.CHOICES, required, 0, 0, 0, allowed);
        }

        public Builder integer(String key, String label, boolean required, long min, long max) {
            return add(key, label, Kind.INTEGER, required, 0, min, max, Map::of);
        }

        public Builder date(String key, String label, boolean required) {
            return add(key, label, Kind.DATE, required, 0, 0, 0, Map::of);
        }

        /** Whole numbers between min and max, e.g. years; duplicates count once. */
        public Builder integers(String key, String label, boolean required, long min, long max) {
            return add(key, label, Kind.INTEGERS, required, 0, min, max, Map::of);
        }

        /** An exact amount in euros, above zero (or zero too, if {@code zeroAllowed}) and at most {@code max}. */
        public Builder amount(String key, String label, boolean required, boolean zeroAllowed, BigDecimal max) {
            fields.add(new Field(key, label, Kind.AMOUNT, required ? ALWAYS : NEVER, applies, 0, zeroAllowed ? 0 : 1,
                    0, Map::of, max, null, null));
            return this;
        }

        /** A list of 1 to {@code maxRows} objects, each checked by {@code rowSchema}; a row is called {@code rowLabel} N. */
        public Builder rows(String key, String label, boolean required, int maxRows, String rowLabel,
                            InputSchema rowSchema) {
            fields.add(new Field(key, label, Kind.ROWS, required ? ALWAYS : NEVER, applies, 0, 1, maxRows, Map::of,
                    null, rowSchema, rowLabel));
            return this;
        }

        /** A rule over several fields, given the valid values; it must tolerate missing ones. */
        public Builder check(Function<Map<String, Object>, Optional<FieldError>> check) {
            checks.add(values -> check.apply(values).stream().toList());
            return this;
        }

        /** A rule over several fields that may find several errors at once (e.g. one per row). */
        public Builder checkAll(Function<Map<String, Object>, List<FieldError>> check) {
            checks.add(check);
            return this;
        }

        private Builder add(String key, String label, Kind kind, boolean required, int maxLength, long min, long max,
                            Supplier<Map<String, String>> allowed) {
            fields.add(new Field(key, label, kind, required ? ALWAYS : NEVER, applies, maxLength, min, max, allowed,
                    null, null, null));
            return this;
        }

        public InputSchema build() {
            return new InputSchema(fields, checks);
        }
    }
}
