package nl.doorbraak.platform;

import java.util.Map;

import org.springframework.http.HttpStatusCode;

/** The Dutch titles and default details of problem responses, per HTTP status. */
final class ProblemTexts {

    private record Text(String title, String detail) {
    }

    private static final Map<Integer, Text> TEXTS = Map.ofEntries(
            Map.entry(400, new Text("Ongeldig verzoek", "Het verzoek is niet geldig.")),
            Map.entry(401, new Text("Niet aangemeld", "Meld u aan om dit te mogen doen.")),
            Map.entry(403, new Text("Geen toegang", "U heeft geen toegang tot deze gegevens of handeling.")),
            Map.entry(404, new Text("Niet gevonden", "Op dit adres is niets te vinden.")),
            Map.entry(405, new Text("Methode niet toegestaan", "Deze methode is op dit adres niet toegestaan.")),
            Map.entry(406, new Text("Niet aanvaardbaar", "Het gevraagde formaat kan niet worden geleverd.")),
            Map.entry(409, new Text("Conflict", "Het verzoek botst met de huidige toestand.")),
            Map.entry(413, new Text("Te groot", "Het verzoek is groter dan is toegestaan.")),
            Map.entry(415, new Text("Mediatype niet ondersteund", "Het formaat van de inhoud wordt niet ondersteund.")),
            Map.entry(429, new Text("Te veel verzoeken", "Te veel verzoeken; probeer het later opnieuw.")),
            Map.entry(500, new Text("Interne fout", "Er ging iets mis aan onze kant.")),
            Map.entry(503, new Text("Dienst niet beschikbaar", "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.")));

    private static final Text FALLBACK = new Text("Fout", "Het verzoek kon niet worden uitgevoerd.");

    private ProblemTexts() {
    }

    static String title(HttpStatusCode status) {
        return TEXTS.getOrDefault(status.value(), FALLBACK).title();
    }

    static String detail(HttpStatusCode status) {
        return TEXTS.getOrDefault(status.value(), FALLBACK).detail();
    }
}
