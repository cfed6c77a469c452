package nl.doorbraak.platform.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.media.Schema;

/**
 * The rules of one kind of input — an API body, a start form, a task form — checked in one
 * pass that reports every error at once. The API and the process engine use the same schema,
 * so a form submitted in Tasklist and a call to the API obey exactly the same rules.
 */
public final class InputSchema {

    private final List<InputField> fields;
    private final List<Function<Values, List<FieldError>>> checks;

    private InputSchema(List<InputField> fields, List<Function<Values, List<FieldError>>> checks) {
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
    public Map<String, ?> fromText(Map<String, ?> input) {
        var typed = new LinkedHashMap<String, Object>(input);
        for (InputField field : fields) {
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
    public Values validateQuery(Map<String, String> parameters) {
        return validate(fromText(parameters), true);
    }

    private static Object numberFromText(Object value) {
        return value instanceof String text && FieldReader.WHOLE_NUMBER.matcher(text.strip()).matches()
                ? Long.valueOf(text.strip()) : value;
    }

    static Map<String, ?> stringKeys(Map<?, ?> map) {
        var keyed = new LinkedHashMap<String, Object>();
        map.forEach((key, item) -> keyed.put(String.valueOf(key), item));
        return keyed;
    }

    /**
     * The schema as an OpenAPI (JSON Schema) object, for the API documentation: generated from
     * the same rules that validate, so the two cannot drift apart. Rules over several fields and
     * conditional fields are described in words only.
     */
    public Schema<Object> describe() {
        return SchemaDescription.of(fields);
    }

    /**
     * Checks the input and returns the values of the fields that apply, as plain Java values
     * (String, Long, LocalDate, List of String). Throws with every error found.
     *
     * @param rejectUnknown whether keys the schema does not know are errors (API bodies) or
     *                      ignored (process variables, where other variables are in scope too)
     */
    public Values validate(Map<String, ?> input, boolean rejectUnknown) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (rejectUnknown) {
            for (String key : input.keySet()) {
                if (fields.stream().noneMatch(field -> field.key().equals(key))) {
                    errors.add(new FieldError(key, "Onbekend veld '" + FieldReader.echo(key) + "'."));
                }
            }
        }
        for (InputField field : fields) {
            Object converted = FieldReader.convert(field, InputValues.plain(input.get(field.key())), errors,
                    rejectUnknown);
            if (converted != null) {
                values.put(field.key(), converted);
            }
        }
        Values read = new Values(values);
        Map<String, Object> applicable = new LinkedHashMap<>();
        for (InputField field : fields) {
            if (!field.applies().test(read)) {
                continue;
            }
            Object value = values.get(field.key());
            if (value == null) {
                if (field.required().test(read) && errors.stream().noneMatch(e -> e.field().equals(field.key())
                        || e.field().startsWith(field.key() + "["))) {
                    errors.add(new FieldError(field.key(), field.label() + " is verplicht."));
                }
            } else {
                applicable.put(field.key(), value);
            }
        }
        // rules over several fields see only the valid values; each skips what is missing. A field
        // with an error of its own is missing to them too: their error on it would only repeat it
        Values valid = new Values(applicable);
        List<String> ownErrors = errors.stream().map(FieldError::field).toList();
        for (var check : checks) {
            check.apply(valid).stream().filter(error -> !ownErrors.contains(error.field())).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return valid;
    }

    /** Builds a schema field by field, in the order errors should be reported. */
    public static final class Builder {

        private final List<InputField> fields = new ArrayList<>();
        private final List<Function<Values, List<FieldError>>> checks = new ArrayList<>();
        private Predicate<Values> applies = InputField.ALWAYS;

        private Builder() {
        }

        /** The fields added after this call only count when the condition holds. */
        public Builder when(Predicate<Values> condition) {
            this.applies = condition;
            return this;
        }

        /** The fields added after this call always count. */
        public Builder always() {
            this.applies = InputField.ALWAYS;
            return this;
        }

        public Builder text(String key, String label, boolean required, int maxLength) {
            return add(key, label, InputField.Kind.TEXT, required, maxLength, 0, 0, Map::of);
        }

        public Builder email(String key, String label, boolean required) {
            return add(key, label, InputField.Kind.EMAIL, required, 254, 0, 0, Map::of);
        }

        public Builder choice(String key, String label, boolean required, Supplier<Map<String, String>> allowed) {
            return add(key, label, InputField.Kind.CHOICE, required, 0, 0, 0, allowed);
        }

        public Builder choices(String key, String label, boolean required, Supplier<Map<String, String>> allowed) {
            return add(key, label, InputField.Kind.CHOICES, required, 0, 0, 0, allowed);
        }

        public Builder integer(String key, String label, boolean required, long min, long max) {
            return add(key, label, InputField.Kind.INTEGER, required, 0, min, max, Map::of);
        }

        public Builder date(String key, String label, boolean required) {
            return add(key, label, InputField.Kind.DATE, required, 0, 0, 0, Map::of);
        }

        /** Whole numbers between min and max, e.g. years; duplicates count once. */
        public Builder integers(String key, String label, boolean required, long min, long max) {
            return add(key, label, InputField.Kind.INTEGERS, required, 0, min, max, Map::of);
        }

        /** An exact amount in euros, above zero (or zero too, if {@code zeroAllowed}) and at most {@code max}. */
        public Builder amount(String key, String label, boolean required, boolean zeroAllowed, BigDecimal max) {
            fields.add(new InputField(key, label, InputField.Kind.AMOUNT, required ? InputField.ALWAYS : InputField.NEVER, applies, 0, zeroAllowed ? 0 : 1,
                    0, Map::of, max, null, null));
            return this;
        }

        /** A list of 1 to {@code maxRows} objects, each checked by {@code rowSchema}; a row is called {@code rowLabel} N. */
        public Builder rows(String key, String label, boolean required, int maxRows, String rowLabel,
                            InputSchema rowSchema) {
            fields.add(new InputField(key, label, InputField.Kind.ROWS, required ? InputField.ALWAYS : InputField.NEVER, applies, 0, 1, maxRows, Map::of,
                    null, rowSchema, rowLabel));
            return this;
        }

        /** A rule over several fields, given the valid values; it must tolerate missing ones. */
        public Builder check(Function<Values, Optional<FieldError>> check) {
            checks.add(values -> check.apply(values).stream().toList());
            return this;
        }

        /** A rule over several fields that may find several errors at once (e.g. one per row). */
        public Builder checkAll(Function<Values, List<FieldError>> check) {
            checks.add(check);
            return this;
        }

        private Builder add(String key, String label, InputField.Kind kind, boolean required, int maxLength, long min, long max,
                            Supplier<Map<String, String>> allowed) {
            fields.add(new InputField(key, label, kind, required ? InputField.ALWAYS : InputField.NEVER, applies,
                    maxLength, min, max, allowed, null, null, null));
            return this;
        }

        public InputSchema build() {
            return new InputSchema(fields, checks);
        }
    }
}
