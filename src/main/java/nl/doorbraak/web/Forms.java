package nl.doorbraak.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import nl.doorbraak.platform.validation.FieldError;

/**
 * Between HTML forms and the input the other modules validate: form fields become the same
 * input an API body gives (lists for multiple values, rows for budget lines), and the Dutch
 * messages of every error go back to the field they are about.
 */
final class Forms {

    private Forms() {
    }

    /** The messages per field, in the order found; a row's messages also under the row ("budgetLines[1]"). */
    static Map<String, List<String>> byField(List<FieldError> errors) {
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.computeIfAbsent(error.field(), field -> new ArrayList<>()).add(error.message());
        }
        return messages;
    }

    /**
     * A field the form has once, sent more than once, is refused rather than read as its first
     * value: the API refuses a repeated key too, and which value was meant cannot be known.
     */
    static List<FieldError> repeated(MultiValueMap<String, String> form, Collection<String> multiValued) {
        List<FieldError> errors = new ArrayList<>();
        form.forEach((field, values) -> {
            if (values.size() > 1 && !multiValued.contains(field)) {
                errors.add(new FieldError(field, "Het veld '" + field + "' is " + values.size()
                        + " keer verstuurd; een formulier stuurt elk veld één keer."));
            }
        });
        return errors;
    }

    /** The non-blank single values of the given fields. */
    static Map<String, String> texts(MultiValueMap<String, String> form, List<String> fields) {
        Map<String, String> input = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                input.put(field, value.strip());
            }
        }
        return input;
    }

    /** The rows of a repeated group of fields named {@code key[i].field}, in index order, as typed. */
    static List<Map<String, String>> rows(MultiValueMap<String, String> form, String key, List<String> fields) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; form.containsKey(key + "[" + i + "]." + fields.get(0)); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : fields) {
                String value = form.getFirst(key + "[" + i + "]." + field);
                row.put(field, value == null ? "" : value);
            }
            rows.add(row);
        }
        return rows;
    }
}
