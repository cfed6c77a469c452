package nl.doorbraak.web;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.RequestStatus;
import java.util.Locale;
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

    /** What a municipality reads when its request reaches one of these statuses; the others show no line. */
    private static final Map<RequestStatus, String> STATUS_TEXTS = Map.of(
            RequestStatus.INTAKE, "In intake bij het programmabureau",
            RequestStatus.COORDINATION, "De adviezen van de ministeries worden onderling afgestemd",
            RequestStatus.DECISION, "Wacht op het besluit van de programmadirecteur",
            RequestStatus.EVALUATION, "Evaluatie gevraagd aan de gemeente",
            RequestStatus.EVALUATED, "Evaluatie beoordeeld; het verzoek is afgerond",
            RequestStatus.CO_SIGNATURE, "Het Ministerie van Financiën tekent het besluit mee",
            RequestStatus.ACCOUNTABILITY, "Verantwoording over het gebundelde budget gevraagd aan de gemeente",
            RequestStatus.ACCOUNTED, "Alle begrotingsjaren zijn verantwoord; het verzoek is afgerond",
            RequestStatus.JOIN_CONFIRMATION, "Het ministerie dat de oorspronkelijke doorbraak toekende, bevestigt de aansluiting",
            RequestStatus.ENDED, "Het experiment of de vrijstelling is beëindigd; het verzoek is afgerond");

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
        boolean decided = entries.stream().anyMatch(entry -> is(entry, AuditAction.DECISION_TAKEN));
        List<Item> items = new ArrayList<>();
        for (AuditEntry entry : entries) {
            String text = text(entry, decided);
            if (text != null) {
                items.add(new Item(entry.occurredAt(), entry.action(), text));
            }
        }
        decisions.decisionOn(request.id())
                .filter(decision -> decision.evaluationDate() != null)
                .filter(decision -> decision.endedAt() == null)
                // after a continued term the next evaluation is expected again
                .filter(decision -> entries.stream().dropWhile(entry -> !noExtensionAfter(entries, entry))
                        .noneMatch(entry -> is(entry, AuditAction.EVALUATION_DELIVERED)))
                .ifPresent(decision -> items.add(new Item(decision.evaluationDate()
                        .atStartOfDay(CaseClock.DUTCH_TIME).toInstant(), "evaluation-due",
                        "Evaluatie verwacht op " + decision.evaluationDate())));
        decisions.decisionOn(request.id())
                .filter(decision -> decision.endDate() != null && decision.endedAt() == null)
                .ifPresent(decision -> items.add(new Item(decision.endDate().atStartOfDay(CaseClock.DUTCH_TIME)
                        .toInstant(), "exemption-end-due", "Looptijd eindigt op " + decision.endDate())));
        return items;
    }

    /** Whether no term extension follows this entry: from the first such entry on, the current evaluation round. */
    private static boolean noExtensionAfter(List<AuditEntry> entries, AuditEntry entry) {
        return entries.subList(entries.indexOf(entry), entries.size()).stream().skip(1)
                .noneMatch(later -> is(later, AuditAction.EXEMPTION_EXTENDED));
    }

    private String text(AuditEntry entry, boolean decided) {
        AuditAction action = AuditAction.ofCode(entry.action()).orElse(null);
        if (action == null) {
            return null; // the engine's own events: not the municipality's concern
        }
        return switch (action) {
            case REQUEST_SUBMITTED -> "Verzoek ingediend door " + entry.userDisplay();
            case STATUS_CHANGED -> RequestStatus.ofCode(changes(entry).path("new").asText(null))
                    .map(STATUS_TEXTS::get).orElse(null);
            case INFORMATION_REQUESTED -> entry.actionDisplay() + ": " + entry.explanation();
            case INFORMATION_PROVIDED -> "Informatie aangeleverd door de gemeente";
            case INFORMATION_NOT_PROVIDED -> "Een vraag van een ministerie is niet binnen de termijn beantwoord";
            case REQUEST_ROUTED -> "In beoordeling bij " + String.join(", ", ministries(changes(entry)));
            case ADVICE_GIVEN -> decided ? entry.actionDisplay() + ". " + entry.explanation()
                    : "Advies ontvangen van " + entry.resourceId().toUpperCase(Locale.ROOT);
            case DECISION_TAKEN -> entry.actionDisplay() + ". " + entry.explanation();
            case NOTIFICATION_SENT -> entry.actionDisplay();
            case REQUEST_WITHDRAWN -> "Verzoek ingetrokken"
                    + (entry.explanation() == null ? "" : ": " + entry.explanation());
            case SIGNAL_LINKED, SIGNAL_UNLINKED -> entry.actionDisplay();
            case SIGNAL_ANSWERED -> entry.actionDisplay() + ". " + entry.explanation();
            case EXEMPTION_END_REMINDED, EXEMPTION_EXTENDED, EXEMPTION_ENDED -> entry.actionDisplay();
            case DECISION_AMENDED -> "Besluit gewijzigd: " + entry.explanation();
            case DECISION_REVOKED -> "Besluit ingetrokken: " + entry.explanation();
            case IMPLEMENTATION_STARTED, IMPLEMENTATION_STAGE_REACHED, IMPLEMENTATION_STOPPED -> entry.actionDisplay();
            case CASE_DEADLINE_SET, CASE_DEADLINE_SUSPENDED, CASE_DEADLINE_RESUMED, CASE_DEADLINE_EXTENDED,
                 CASE_DEADLINE_CLOSED -> entry.actionDisplay();
            case REQUEST_LAPSED, EVALUATION_DELIVERED, EVALUATION_ASSESSED, ACCOUNTABILITY_DELIVERED,
                 ACCOUNTABILITY_CHECKED, JOIN_CONFIRMATION_RECORDED -> entry.actionDisplay();
            default -> null; // reads of the trail, documents, internal failures: not the municipality's concern
        };
    }

    private static boolean is(AuditEntry entry, AuditAction action) {
        return action.code().equals(entry.action());
    }

    /** The ministries a routing sent the request to, as recorded in the entry's changes ({"new": {"ministries": [...]}}). */
    private static List<String> ministries(JsonNode changes) {
        List<String> ministries = new ArrayList<>();
        changes.path("new").path("ministries").forEach(code -> ministries.add(code.asText().toUpperCase(Locale.ROOT)));
        return ministries;
    }

    private JsonNode changes(AuditEntry entry) {
        try {
            return entry.changes() == null ? objectMapper.missingNode() : objectMapper.readTree(entry.changes());
        } catch (JsonProcessingException e) {
            return objectMapper.missingNode();
        }
    }
}
