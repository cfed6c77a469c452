package nl.doorbraak.platform.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Valid input, by field key, typed as its {@link InputSchema} says: text and choices are
 * {@code String}, whole numbers {@code Long}, amounts {@code BigDecimal}, dates {@code LocalDate},
 * multiple choices {@code List<String>}, lists of whole numbers {@code List<Long>}, rows
 * {@code List<Values>}. A field that does not apply or was left empty is absent.
 */
public final class Values {

    private final Map<String, Object> values;

    Values(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Values made by code rather than read from input, e.g. a test's or a derived row. */
    public static Values of(Map<String, ?> values) {
        return new Values(values);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public String text(String key) {
        return (String) values.get(key);
    }

    public Long integer(String key) {
        return (Long) values.get(key);
    }

    public BigDecimal amount(String key) {
        return (BigDecimal) values.get(key);
    }

    public LocalDate date(String key) {
        return (LocalDate) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String key) {
        Object list = values.get(key);
        return list == null ? List.of() : (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    public List<Long> integers(String key) {
        Object list = values.get(key);
        return list == null ? List.of() : (List<Long>) list;
    }

    @SuppressWarnings("unchecked")
    public List<Values> rows(String key) {
        Object rows = values.get(key);
        return rows == null ? List.of() : (List<Values>) rows;
    }

    /** These values with one more (or another) value for a key. */
    public Values with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(key, value);
        return new Values(more);
    }

    /** As JSON writes them: an object of the fields, rows as objects. */
    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    /** The same as plain maps and lists all the way down (rows as maps), for writers that know no Values. */
    public Map<String, Object> toPlainMap() {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((key, value) -> plain.put(key, value instanceof List<?> list
                ? list.stream().map(item -> item instanceof Values row ? row.toPlainMap() : item).toList() : value));
        return plain;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Values that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
