package nl.doorbraak.notification;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a user wants to hear of new tasks or of passed deadlines. */
public enum NotificationChoice {

    IMMEDIATELY("immediately", "Direct, een e-mail per taak"),
    DAILY_DIGEST("daily-digest", "Eén keer per dag, in een overzicht"),
    OFF("off", "Geen e-mail");

    private final String code;
    private final String label;

    NotificationChoice(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value in the API and in the table. */
    public String code() {
        return code;
    }

    /** What a person reads on the page. */
    public String label() {
        return label;
    }

    public static Optional<NotificationChoice> ofCode(String code) {
        return Arrays.stream(values()).filter(choice -> choice.code.equals(code)).findFirst();
    }

    /** code → Dutch label, in this order, for validation and for the page. */
    public static Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (NotificationChoice choice : values()) {
            choices.put(choice.code, choice.label);
        }
        return choices;
    }
}
