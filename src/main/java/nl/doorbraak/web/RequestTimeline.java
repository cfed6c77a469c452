package nl.doorbraak.web;

import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.decision.Decisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;

/**
 * What happened to a request, as the municipality reads it, derived from the case's audit trail:
 * submitted, intake, questions and answers, routing, advice received, decision, e-mails,
 * evaluation. Before the decision, advice shows only who advised, not what: internal advice is
 * not for the municipality until the decision is taken.
 */
@Component
public class RequestTimeline {

    /** One moment in the life of a request. */
    public record Item(Instant at, String event, String text) {
    }

    private static final Map<String, String> STATUS_TEXTS = Map.of(
            "intake", "In intake bij het programmabureau",
            "coordination", "De adviezen van de ministeries worden onderling afgestemd",
            "decision", "Wacht op het besluit van de programmadirecteur",
            "evaluation", "Evaluatie gevraagd aan de gemeente",
            "evaluated", "Evaluatie beoordeeld; het verzoek is afgerond",
            "co-signature", "Het Ministerie van Financiën tekent het besluit mee",
            "accountability", "Verantwoording over het gebundelde budget gevraagd aan de gemeente",
            "accounted", "Alle begrotingsjaren zijn verantwoord; het verzoek is afgerond");

    private final AuditQueries audit;
    private final Decisions decisions;
    private final ObjectMapper objectMapper;

    RequestTimeline(AuditQueries audit, Decisions decisions, ObjectMapper objectMapper) {
        this.audit = audit;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    public List<Item> of(RequestRecord request) {
        List<AuditEntry> entries = audit.applicationEntries(request.reference());
        boolean decided = entries.stream().anyMatch(entry -> entry.action().equals("decision-taken"));
        List<Item> items = new ArrayList<>();
        for (AuditEntry entry : entries) {
            String text = text(entry, decided);
            if (text != null) {
                items.add(new Item(entry.occurredAt(), entry.action(), text));
            }
        }
        decisions.decisionOn(request.id())
                .filter(decision -> decision.evaluationDate() != null)
                .filter(decision -> entries.stream().noneMatch(entry -> entry.action().equals("evaluation-delivered")))
                .ifPresent(decision -> items.add(new Item(decision.evaluationDate()
                        .atStartOfDay(CaseClock.DUTCH_TIME).toInstant(), "evaluation-due",
                        "Evaluatie verwacht op " + decision.evaluationDate())));
        return items;
    }

    private String text(AuditEntry entry, boolean decided) {
        return switch (entry.action()) {
            case "request-submitted" -> "Verzoek ingediend door " + entry.userDisplay();
            case "status-changed" -> STATUS_TEXTS.get(newValue(entry));
            case "information-requested" -> entry.actionDisplay() + ": " + entry.explanation();
            case "information-provided" -> "Informatie aangeleverd door de gemeente";
            case "information-not-provided" -> "Een vraag van een ministerie is niet binnen de termijn beantwoord";
            case "request-routed" -> entry.actionDisplay().replace("Doorgestuurd naar", "In beoordeling bij");
            case "advice-given" -> decided ? entry.actionDisplay() + ". " + entry.explanation()
                    : "Advies ontvangen van " + entry.resourceId().toUpperCase(java.util.Locale.ROOT);
            case "decision-taken" -> entry.actionDisplay() + ". " + entry.explanation();
            case "notification-sent" -> entry.actionDisplay();
            case "request-withdrawn" -> "Verzoek ingetrokken"
                    + (entry.explanation() == null ? "" : ": " + entry.explanation());
            case "request-lapsed", "evaluation-delivered", "evaluation-assessed", "accountability-delivered",
                 "accountability-checked" -> entry.actionDisplay();
            default -> null; // reads of the trail, internal failures: not the municipality's concern
        };
    }

    private String newValue(AuditEntry entry) {
        try {
            JsonNode changes = entry.changes() == null ? null : objectMapper.readTree(entry.changes());
            return changes == null ? null : changes.path("new").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
