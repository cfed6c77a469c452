package nl.doorbraak.assessment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.DecisionLookup;
import nl.doorbraak.request.DocumentRecord;
import nl.doorbraak.request.Documents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.RuleChangeSchema;
import nl.doorbraak.security.Groups;

/**
 * When a task is created, puts the case context its form shows read-only into task-local
 * variables ({@code caseReference}, {@code caseTitle}, ...) and gives the task a specific Dutch
 * name, e.g. "Beoordelen verzoek NPLV-2026-00042 (SZW)". Advice texts are shown only on the
 * tasks of the programme office and the director: municipalities and ministries do not see
 * internal advice before the decision.
 */
@Component("caseContext")
class CaseContext implements TaskListener {

    private static final Set<String> SEES_ADVICE = Set.of("Task_Intake", "Task_Coordinate", "Task_Decide",
            "Task_AssessEvaluation");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy")
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private final Requests requests;
    private final ReferenceData referenceData;
    private final CaseRecords records;
    private final DecisionLookup decisions;
    private final ObjectMapper objectMapper;
    private final Documents documents;

    CaseContext(Requests requests, ReferenceData referenceData, CaseRecords records, DecisionLookup decisions,
                ObjectMapper objectMapper, Documents documents) {
        this.requests = requests;
        this.referenceData = referenceData;
        this.records = records;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        RequestRecord request = requests.get(ProcessVariables.requestId(task));
        Map<String, Object> submission = submission(request);
        String ministry = (String) task.getVariable("ministry");
        String ministryAbbreviation = ministry == null ? null
                : referenceData.ministry(ministry).map(m -> m.abbreviation()).orElse(ministry);

        task.setName(task.getName() + " verzoek " + request.reference()
                + (ministryAbbreviation == null ? "" : " (" + ministryAbbreviation + ")"));

        Map<String, Object> context = new HashMap<>();
        context.put("caseReference", request.reference());
        context.put("caseMunicipality", referenceData.municipality(request.municipalityCode())
                .map(m -> m.name()).orElse(request.municipalityCode()));
        context.put("caseFocusArea", referenceData.focusArea(request.focusAreaCode())
                .map(f -> f.name()).orElse(request.focusAreaCode()));
        context.put("caseTitle", request.title());
        context.put("caseRule", text(submission.get("regulation"))
                + (submission.get("article") == null ? "" : ", " + submission.get("article")));
        context.put("caseRuleDomains", requests.ruleDomainsOf(request.id()).stream()
                .map(code -> referenceData.ruleDomain(code).map(d -> d.name()).orElse(code))
                .collect(Collectors.joining(", ")));
        context.put("caseConflict", text(submission.get("conflict")));
        context.put("caseProposal", text(submission.get("proposedSolution")));
        context.put("caseInstrument", RuleChangeSchema.INSTRUMENTS.getOrDefault(
                text(submission.get("requestedInstrument")), text(submission.get("requestedInstrument"))));
        context.put("caseUrgency", RuleChangeSchema.URGENCIES.getOrDefault(request.urgency(), request.urgency()));
        context.put("caseHistory", history(request, SEES_ADVICE.contains(task.getTaskDefinitionKey()),
                (String) task.getVariable("coordinationSummary")));
        if (ministry != null) {
            context.put("caseMinistry", ministryAbbreviation);
        }
        context.put("caseDocuments", documentList(request));
        task.setVariablesLocal(context);
    }

    private String history(RequestRecord request, boolean withAdvice, String coordinationSummary) {
        StringBuilder history = new StringBuilder("Ingediend op " + date(request.submittedAt()) + ".");
        for (InformationRequest question : records.informationRequestsOn(request.id())) {
            history.append("\n\nVraag van ").append(asker(question.askedBy())).append(" (")
                    .append(date(question.askedAt())).append("): ").append(question.question());
            if (question.answer() != null) {
                history.append("\nAntwoord (").append(date(question.answeredAt())).append("): ").append(question.answer());
            } else if (question.lapsedAt() != null) {
                history.append("\nNiet binnen de termijn beantwoord.");
            } else {
                history.append("\nNog niet beantwoord.");
            }
        }
        if (withAdvice) {
            for (Advice advice : records.advicesOn(request.id())) {
                history.append("\n\nAdvies ").append(abbreviation(advice.ministryCode())).append(" (")
                        .append(date(advice.advisedAt())).append("): ")
                        .append(Advice.LABELS.getOrDefault(advice.advice(), advice.advice())).append(". ")
                        .append(advice.rationale());
                if (advice.conditions() != null) {
                    history.append("\nVoorwaarden: ").append(advice.conditions());
                }
            }
        }
        if (withAdvice && coordinationSummary != null) {
            history.append("\n\nUitkomst interdepartementaal overleg: ").append(coordinationSummary);
        }
        decisions.decisionOn(request.id()).ifPresent(decision -> history.append("\n\nBesluit (")
                .append(date(decision.decidedAt())).append("): ").append(decision.outcomeLabel())
                .append(decision.instrumentLabel() == null ? "" : ", " + decision.instrumentLabel()).append(". ")
                .append(decision.rationale()));
        return history.toString();
    }

    /** The case's documents as a Markdown list of links that Tasklist users can follow. */
    private String documentList(RequestRecord request) {
        List<DocumentRecord> files = documents.of(request.id());
        if (files.isEmpty()) {
            return "Geen documenten.";
        }
        StringBuilder list = new StringBuilder();
        for (DocumentRecord file : files) {
            list.append(list.length() == 0 ? "" : "\n").append("- [")
                    .append(file.fileName().replaceAll("[\\[\\]()]", "_")).append("](/camunda/documents/")
                    .append(request.reference()).append('/').append(file.id()).append(") (")
                    .append(Math.max(1, file.sizeBytes() / 1024)).append(" kB)");
        }
        return list.toString();
    }

    private String asker(String group) {
        return Groups.ministryCodeOf(group).map(this::abbreviation).orElse("het programmabureau");
    }

    private String abbreviation(String ministryCode) {
        return referenceData.ministry(ministryCode).map(m -> m.abbreviation()).orElse(ministryCode);
    }

    private static String date(OffsetDateTime moment) {
        return moment == null ? "" : DATE.format(moment);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private Map<String, Object> submission(RequestRecord request) {
        try {
            return objectMapper.readValue(request.payload(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload of " + request.reference() + " is not JSON", e);
        }
    }

    static List<String> contextKeys() {
        return List.of("caseReference", "caseMunicipality", "caseFocusArea", "caseTitle", "caseRule",
                "caseRuleDomains", "caseConflict", "caseProposal", "caseInstrument", "caseUrgency", "caseHistory",
                "caseMinistry", "caseDocuments");
    }
}
