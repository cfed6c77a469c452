package nl.doorbraak.joining;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;

/**
 * A request to join as its page shows it: the breakthrough it asks to join, and the ministry's
 * confirmation once given. The confirmation is read from the case's audit trail, where
 * "Bevestiging vastleggen" records it: the trail is its record, as it is of every step.
 */
@Component
public class Joins {

    /** What a join's page shows besides the request itself. */
    public record Join(Breakthrough precedent, Confirmation confirmation) {
    }

    /** The confirmation by the ministry responsible for the original's rule. */
    public record Confirmation(String outcome, String outcomeLabel, String ministry, String ministryName, String note,
                               Instant at) {
    }

    private final Breakthroughs precedents;
    private final AuditQueries audit;
    private final ReferenceData referenceData;
    private final ObjectMapper objectMapper;

    Joins(Breakthroughs precedents, AuditQueries audit, ReferenceData referenceData, ObjectMapper objectMapper) {
        this.precedents = precedents;
        this.audit = audit;
        this.referenceData = referenceData;
        this.objectMapper = objectMapper;
    }

    /** Empty for a request of another kind. */
    public Optional<Join> of(RequestRecord request) {
        if (!RequestKind.JOIN.code().equals(request.kind())) {
            return Optional.empty();
        }
        return Optional.of(new Join(precedents.joinedBy(request.id()).orElse(null),
                confirmation(audit.applicationEntries(request.reference())).orElse(null)));
    }

    private Optional<Confirmation> confirmation(List<AuditEntry> entries) {
        return entries.stream().filter(entry -> AuditAction.JOIN_CONFIRMATION_RECORDED.code().equals(entry.action()))
                .reduce((first, second) -> second).map(entry -> {
                    JsonNode recorded = changes(entry).path("new");
                    String outcome = recorded.path("confirmationOutcome").asText(null);
                    String ministry = recorded.path("ministry").asText(null);
                    return new Confirmation(outcome, Vocabulary.labelOf(ConfirmationOutcome.class, outcome), ministry,
                            referenceData.ministry(ministry).map(m -> m.name()).orElse(ministry), entry.explanation(),
                            entry.occurredAt());
                });
    }

    private JsonNode changes(AuditEntry entry) {
        try {
            return entry.changes() == null ? objectMapper.missingNode() : objectMapper.readTree(entry.changes());
        } catch (JsonProcessingException e) {
            return objectMapper.missingNode();
        }
    }
}
