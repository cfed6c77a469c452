package nl.doorbraak.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The letters as data: text templates in {@code src/main/resources/letters/*.txt}, which the
 * programme office reads and reviews without reading Java. A small subset of Mustache:
 * <ul>
 * <li>{@code {{name}}} a value; a name the data does not have is an error, so a template and the
 *     code that fills it cannot drift apart unnoticed;</li>
 * <li>{@code {{#name}}...{{/name}}} shown once when the value is true or non-empty text, once per
 *     item of a list (an item's own names come first, {@code {{.}}} is the item itself);</li>
 * <li>{@code {{^name}}...{{/name}}} shown when the value is false, empty or absent;</li>
 * <li>{@code {{>name}}} another template, such as the objection clause every decision ends with.</li>
 * </ul>
 * A line holding only a section tag leaves no empty line behind. A letter template's first line is
 * its subject, followed by an empty line and the text.
 */
public final class LetterTemplates {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));
    private static final Pattern STANDALONE_TAG = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/>][^}]*}})[ \\t]*\\r?\\n");

    /** A letter as rendered: its subject and text. */
    public record Rendered(String subject, String text) {
    }

    private LetterTemplates() {
    }

    /** The template {@code letters/<name>.txt} filled with the values. */
    public static String render(String name, Map<String, ?> values) {
        Deque<Object> context = new ArrayDeque<>();
        context.push(values);
        return render(name, load(name), context);
    }

    /** A letter template: the first line the subject, the rest after an empty line the text. */
    public static Rendered letter(String name, Map<String, ?> values) {
        String rendered = render(name, values);
        int end = rendered.indexOf('\n');
        if (end < 0 || !rendered.startsWith("\n", end + 1)) {
            throw new IllegalStateException("Letter template " + name + " does not start with a subject line");
        }
        return new Rendered(rendered.substring(0, end).strip(), rendered.substring(end + 2));
    }

    /** A date as a Dutch letter writes it: "5 december 2026". */
    public static String date(LocalDate date) {
        return date == null ? "" : DUTCH_DATE.format(date);
    }

    private static String load(String name) {
        try (InputStream in = LetterTemplates.class.getResourceAsStream("/letters/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("No letter template letters/" + name + ".txt");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return STANDALONE_TAG.matcher(text).replaceAll("$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(String template, String text, Deque<Object> context) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                return out.append(text, at, text.length()).toString();
            }
            out.append(text, at, open);
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalStateException("Unclosed tag in letter template " + template);
            }
            String tag = text.substring(open + 2, close).strip();
            at = close + 2;
            char kind = tag.charAt(0);
            if (kind == '#' || kind == '^') {
                String name = tag.substring(1).strip();
                int end = sectionEnd(template, text, name, at);
                String inner = text.substring(at, end);
                at = end + ("{{/" + name + "}}").length();
                Object value = kind == '^' ? find(context, name) : lookup(template, context, name);
                if (kind == '^') {
                    if (!shown(value)) {
                        out.append(render(template, inner, context));
                    }
                } else if (value instanceof Collection<?> items) {
                    for (Object item : items) {
                        out.append(within(template, inner, context, item));
                    }
                } else if (shown(value)) {
                    out.append(within(template, inner, context, value));
                }
            } else if (kind == '>') {
                String name = tag.substring(1).strip();
                out.append(render(name, load(name), context));
            } else {
                Object value = lookup(template, context, tag);
                out.append(value == null ? "" : value instanceof LocalDate day ? date(day) : value.toString());
            }
        }
    }

    private static String within(String template, String text, Deque<Object> context, Object item) {
        context.push(item);
        try {
            return render(template, text, context);
        } finally {
            context.pop();
        }
    }

    /** Where the section closes, past sections of the same name nested inside it. */
    private static int sectionEnd(String template, String text, String name, int from) {
        Pattern tags = Pattern.compile("\\{\\{\\s*([#^/])\\s*" + Pattern.quote(name) + "\\s*}}");
        var matcher = tags.matcher(text);
        int depth = 1;
        int at = from;
        while (matcher.find(at)) {
            depth += matcher.group(1).equals("/") ? -1 : 1;
            if (depth == 0) {
                return matcher.start();
            }
            at = matcher.end();
        }
        throw new IllegalStateException("Section " + name + " is not closed in letter template " + template);
    }

    private static Object lookup(String template, Deque<Object> context, String name) {
        for (Object scope : context) {
            if (name.equals(".")) {
                return scope;
            }
            if (scope instanceof Map<?, ?> values && values.containsKey(name)) {
                return values.get(name);
            }
        }
        throw new IllegalArgumentException("Letter template " + template + " uses " + name + ", which has no value");
    }

    private static Object find(Deque<Object> context, String name) {
        for (Object scope : context) {
            if (scope instanceof Map<?, ?> values && values.containsKey(name)) {
                return values.get(name);
            }
        }
        return null;
    }

    private static boolean shown(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof String text && text.isBlank())
                && !(value instanceof Collection<?> items && items.isEmpty())
                && !(value instanceof Map<?, ?> map && map.isEmpty());
    }
}
