package nl.doorbraak.audit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one serialisation that is hashed (docs/audit.md, "Canonical JSON"): objects with keys
 * sorted by code point, no white space, null members left out, strings escaped minimally
 * (quote, backslash, and control characters as backslash-b, -f, -n, -r, -t or a lowercase
 * backslash-u escape of four hex digits), integers in
 * decimal. docs/audit/AuditVerify.java repeats this function for the offline verifier.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(plain(value), out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> {
                if (member != null) {
                    sorted.put(key.toString(), member);
                }
            });
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (list.get(i) == null) {
                    out.append("null");
                } else {
                    write(list.get(i), out);
                }
            }
            out.append(']');
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    /** A string as {@link #of} writes it, for EntryText's rare strings that need more than quotes escaped. */
    static void appendString(String text, StringBuilder out) {
        string(text, out);
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(text, i)) {
                        // a lone surrogate has no UTF-8 form: escaped, two different ones never hash alike
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /**
     * Records (also inside lists and maps) as maps of their components by name, so that
     * {@link #write} stays word for word the offline verifier's.
     */
    private static Object plain(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> members = new TreeMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    members.put(component.getName(), plain(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException unreadable) {
                    throw new IllegalStateException("Cannot read " + component, unreadable);
                }
            }
            return members;
        }
        if (value instanceof List<?> list) {
            List<Object> members = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object member : list) {
                Object plain = plain(member);
                changed |= plain != member;
                members.add(plain);
            }
            return changed ? members : value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> members = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                Object plain = plain(member.getValue());
                changed |= plain != member.getValue();
                members.put(member.getKey(), plain);
            }
            return changed ? members : value;
        }
        return value;
    }
}
