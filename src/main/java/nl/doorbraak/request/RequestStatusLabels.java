package nl.doorbraak.request;

import java.util.Map;

/** What each status is called where a person reads it. */
public final class RequestStatusLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("submitted", "Ingediend"),
            Map.entry("intake", "In intake bij het programmabureau"),
            Map.entry("information-requested", "Informatie gevraagd aan de gemeente"),
            Map.entry("assessment", "In beoordeling bij de ministeries"),
            Map.entry("coordination", "In interdepartementale afstemming"),
            Map.entry("decision", "Wacht op besluit"),
            Map.entry("co-signature", "Wacht op medeondertekening door Financiën"),
            Map.entry("decided", "Besloten"),
            Map.entry("evaluation", "Evaluatie gevraagd"),
            Map.entry("evaluated", "Geëvalueerd"),
            Map.entry("accountability", "Verantwoording over het gebundelde budget"),
            Map.entry("accounted", "Verantwoording afgerond"),
            Map.entry("withdrawn", "Ingetrokken"),
            Map.entry("lapsed", "Vervallen"));

    private RequestStatusLabels() {
    }

    public static String label(String status) {
        return LABELS.getOrDefault(status, status);
    }

    public static boolean isKnown(String status) {
        return LABELS.containsKey(status);
    }

    /** Statuses after which nothing happens to the request any more. */
    static boolean isFinal(String status) {
        return status.equals("evaluated") || status.equals("accounted") || status.equals("withdrawn") || status.equals("lapsed");
    }
}
