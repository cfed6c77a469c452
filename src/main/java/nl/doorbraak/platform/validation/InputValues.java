package nl.doorbraak.platform.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;

/**
 * Brings values from the three places input comes from — JSON bodies, Tasklist's Camunda Forms
 * (which submit lists as Spin JSON) and process variables — to plain Java values.
 */
public final class InputValues {

    private InputValues() {
    }

    public static Object plain(Object value) {
        if (value instanceof SpinJsonNode json) {
            return fromJson(json);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            collection.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((key, item) -> object.put(String.valueOf(key), plain(item)));
            return object;
        }
        return value;
    }

    private static Object fromJson(SpinJsonNode json) {
        if (json.isArray()) {
            List<Object> list = new ArrayList<>();
            json.elements().forEach(element -> list.add(fromJson(element)));
            return list;
        }
        if (json.isString()) {
            return json.stringValue();
        }
        if (json.isNumber()) {
            return json.numberValue();
        }
        if (json.isBoolean()) {
            return json.boolValue();
        }
        if (json.isNull()) {
            return null;
        }
        if (json.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            json.fieldNames().forEach(name -> object.put(name, fromJson(json.prop(name))));
            return object;
        }
        return json.toString();
    }

    /** A list of strings, for values already validated as such. */
    @SuppressWarnings("unchecked")
    public static List<String> strings(Object value) {
        Object plain = plain(value);
        return plain == null ? List.of() : List.copyOf((List<String>) plain);
    }
}
