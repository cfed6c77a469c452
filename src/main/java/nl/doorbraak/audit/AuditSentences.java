package nl.doorbraak.audit;

import nl.doorbraak.platform.CaseClock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each audit entry as one Dutch sentence, for people who read a trail rather than verify it:
 * "2026-03-02 10:14 — Taak afgerond: Beoordelen verzoek NPLV-2026-00042 (SZW), door Beoordelaar
 * SZW". The time is Dutch local time to the minute; the stored entry keeps the exact instant.
 *
 * <p>Shape: {@code <time> — <what>[: <resource> | (<resource>)][ = <value>], door <who>[; geweigerd|mislukt][.
 * Toelichting: <explanation>]}. The resource follows a colon, or stands in parentheses when the
 * action text already has one; variable updates show the new (and old) value, decision
 * evaluations their outcome. Without a user, a refused attempt is "door een onbekende gebruiker"
 * and anything else (a timer, an asynchronous step) "door het systeem". White space is folded, so a sentence is always
 * one line, and long texts are shortened.
 */
public final class AuditSentences {
    static final int EXPLANATION_LIMIT = 200;
    static final int VALUE_LIMIT = 100;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(CaseClock.DUTCH_TIME);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSentences() {
    }

    public static String of(AuditEntry entry) {
        StringBuilder sentence = new StringBuilder();
        sentence.append(entry.occurredAt() == null ? "(onbekend tijdstip)" : MINUTES.format(entry.occurredAt()));
        sentence.append(" — ");

        String what = firstText(entry.actionDisplay(), entry.action(), "Onbekende handeling");
        sentence.append(what);
        String resource = oneLine(entry.resourceDisplay());
        if (resource != null && !what.contains(resource)) {
            sentence.append(what.contains(":") ? " (" + resource + ")" : ": " + resource);
        }
        String value = valueOf(entry);
        if (value != null) {
            sentence.append(value);
        }

        sentence.append(", door ").append(who(entry));

        String result = entry.result() == null ? "success" : entry.result();
        String resultWord = switch (result) {
            case "success" -> null;
            case "refused" -> "geweigerd";
            case "failed" -> "mislukt";
            default -> "resultaat " + oneLine(result);
        };
        if (resultWord != null && !what.toLowerCase(Locale.ROOT).contains(resultWord)) {
            sentence.append("; ").append(resultWord);
        }

        String explanation = oneLine(entry.explanation());
        if (explanation != null && !isEnginesRoutineReason(entry, explanation)) {
            sentence.append(". Toelichting: ").append(shorten(explanation, EXPLANATION_LIMIT));
        }
        return sentence.toString();
    }

    /**
     * The engine gives every task that ends the delete reason "completed" (or "deleted"); the
     * action already says so, and an English word is no explanation to a Dutch reader.
     */
    private static boolean isEnginesRoutineReason(AuditEntry entry, String explanation) {
        return "engine".equals(entry.source()) && (explanation.equals("completed") || explanation.equals("deleted"));
    }

    private static String who(AuditEntry entry) {
        String user = firstText(entry.userDisplay(), entry.userId(), null);
        if (user != null) {
            return user;
        }
        return "refused".equals(entry.result()) ? "een onbekende gebruiker" : "het systeem";
    }

    /** " = new (was: old)" for variables, " — uitkomst: ..." for decision evaluations, else nothing. */
    private static String valueOf(AuditEntry entry) {
        String action = entry.action() == null ? "" : entry.action();
        JsonNode changes = parse(entry.changes());
        if (changes == null) {
            return null;
        }
        if (action.startsWith("variable-") && !action.equals("variable-deleted")) {
            JsonNode newValue = changes.get("new");
            JsonNode oldValue = changes.get("old");
            if (newValue == null && oldValue == null) {
                return null;
            }
            StringBuilder value = new StringBuilder(" = ").append(newValue == null ? "(leeg)" : text(newValue));
            if (oldValue != null) {
                value.append(" (was: ").append(text(oldValue)).append(')');
            }
            return value.toString();
        }
        if (action.equals("decision-evaluated")) {
            JsonNode outputs = changes.get("new");
            if (outputs == null || !outputs.isArray() || outputs.isEmpty()) {
                return " — uitkomst: geen regel van toepassing";
            }
            List<String> parts = new ArrayList<>();
            for (JsonNode output : outputs) {
                Iterator<Map.Entry<String, JsonNode>> fields = output.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getKey().equals("rule")) {
                        parts.add(field.getKey() + " = " + text(field.getValue()));
                    }
                }
            }
            return parts.isEmpty() ? null : " — uitkomst: " + shorten(String.join("; ", parts), VALUE_LIMIT);
        }
        return null;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        String text = value.isNull() ? "(leeg)" : value.isValueNode() ? value.asText() : value.toString();
        String folded = oneLine(text);
        return folded == null ? "(leeg)" : shorten(folded, VALUE_LIMIT);
    }

    private static String firstText(String first, String second, String fallback) {
        String one = oneLine(first);
        if (one != null) {
            return one;
        }
        String two = oneLine(second);
        return two != null ? two : fallback;
    }

    /** The text on one line with single spaces, or null when nothing is left. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String folded = text.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }

    static String shorten(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        int end = text.offsetByCodePoints(0, limit - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }
}
