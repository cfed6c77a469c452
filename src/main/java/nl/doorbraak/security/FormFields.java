package nl.doorbraak.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a Camunda Form (form-js JSON, {@code forms/*.form}) submits: what Tasklist may send
 * when the form is completed, and nothing else. A keyed component is a field of its own; a
 * {@code group} or {@code dynamiclist} with a {@code path} is one field holding an object (a list
 * of objects) of the fields inside it; a group without a path only arranges its fields. Disabled
 * components are the read-only case context: form-js does not submit them, so they are not fields.
 */
public final class FormFields {

    /** A field the form submits; a group with a path or a dynamic list has fields inside. */
    public record Field(String name, boolean list, List<Field> inside) {

        public Field {
            inside = List.copyOf(inside);
        }

        public boolean holdsFields() {
            return !inside.isEmpty();
        }

        public Set<String> insideNames() {
            return inside.stream().map(Field::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }
    }

    private FormFields() {
    }

    /** The top-level fields of the form, in the order of the form. */
    public static List<Field> of(JsonNode form) {
        return fieldsIn(form.path("components"));
    }

    /** The names of the form's top-level fields: the variables it submits. */
    public static Set<String> names(JsonNode form) {
        return of(form).stream().map(Field::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static List<Field> fieldsIn(JsonNode components) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode component : components) {
            if (component.path("disabled").asBoolean(false)) {
                continue;
            }
            String type = component.path("type").asText();
            String path = component.path("path").asText("");
            String key = component.path("key").asText("");
            if (("group".equals(type) || "dynamiclist".equals(type)) && !path.isEmpty()) {
                fields.add(new Field(path, "dynamiclist".equals(type), fieldsIn(component.path("components"))));
            } else if (component.has("components")) {
                fields.addAll(fieldsIn(component.path("components")));
            } else if (!key.isEmpty()) {
                fields.add(new Field(key, false, List.of()));
            }
        }
        return fields;
    }
}
