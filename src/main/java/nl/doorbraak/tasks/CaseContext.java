package nl.doorbraak.tasks;

import nl.doorbraak.request.RuleChangeContent;
import nl.doorbraak.request.BudgetPoolingContent;
import nl.doorbraak.request.JoinContent;
import nl.doorbraak.joining.ConfirmationOutcome;
import nl.doorbraak.joining.JoinTasks;
import nl.doorbraak.joining.Breakthrough;
import nl.doorbraak.joining.Breakthroughs;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.RequestContents;
import nl.doorbraak.request.RequestContent;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.assessment.Advice;
import nl.doorbraak.assessment.AssessmentRecords;
import nl.doorbraak.assessment.InformationRequest;
import nl.doorbraak.request.CaseVariables;
import java.time.format.DateTimeFormatter;
import java.time.OffsetDateTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.Regulation;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.decision.DecisionSummary;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.decision.DecisionTaskVariables;
import nl.doorbraak.decision.DecisionTasks;
import nl.doorbraak.decision.Decisions;
import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.request.DocumentRecord;
import nl.doorbraak.request.Documents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.RuleChangeSchema;
import nl.doorbraak.security.Groups;
import nl.doorbraak.signal.SignalContext;
import nl.doorbraak.casedeadline.CaseDeadlines;

/**
 * When a task is created, puts the case context its form shows read-only into task-local
 * variables ({@code caseReference}, {@code caseTitle}, ...) and gives the task a specific Dutch
 * name, e.g. "Beoordelen verzoek NPLV-2026-00042 (SZW)". Advice texts are shown only on the
 * tasks of the programme office and the director: municipalities and ministries do not see
 * internal advice before the decision.
 */
@Component("caseContext")
class CaseContext implements TaskListener {

    private static final Set<String> SEES_ADVICE = Set.of(AssessmentTasks.INTAKE, AssessmentTasks.COORDINATE,
            AssessmentTasks.CHECK_BUDGET_LINES, DecisionTasks.DECIDE, DecisionTasks.DECIDE_POOLING, DecisionTasks.CO_SIGN,
            DecisionTasks.ASSESS_EVALUATION, DecisionTasks.CHECK_ACCOUNTABILITY);
    /** The steering variable of a signal's process, which has no request. */
    static final String SIGNAL_ID = "signalId";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy")
            .withZone(CaseClock.DUTCH_TIME);

    private final Requests requests;
    private final ReferenceData referenceData;
    private final AssessmentRecords records;
    private final Decisions decisions;
    private final DecisionTaskVariables decisionTasks;
    private final RequestContents contents;
    private final Documents documents;
    private final BudgetLines budgetLines;
    private final NationalRules nationalRules;
    private final TaskPrecedents precedents;
    private final Breakthroughs breakthroughs;
    private final SignalContext signals;
    private final CaseDeadlines caseDeadlines;

    CaseContext(Requests requests, ReferenceData referenceData, AssessmentRecords records, Decisions decisions,
                DecisionTaskVariables decisionTasks, RequestContents contents, Documents documents,
                BudgetLines budgetLines, NationalRules nationalRules, TaskPrecedents precedents,
                Breakthroughs breakthroughs, SignalContext signals, CaseDeadlines caseDeadlines) {
        this.caseDeadlines = caseDeadlines;
        this.nationalRules = nationalRules;
        this.breakthroughs = breakthroughs;
        this.precedents = precedents;
        this.signals = signals;
        this.decisionTasks = decisionTasks;
        this.budgetLines = budgetLines;
        this.requests = requests;
        this.referenceData = referenceData;
        this.records = records;
        this.decisions = decisions;
        this.contents = contents;
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(SIGNAL_ID) != null) {
            // a task of a signal: about a rule and the requests linked to it, not about one case
            java.util.UUID signalId = java.util.UUID.fromString((String) task.getVariable(SIGNAL_ID));
            task.setName(signals.taskName(task.getName(), signalId));
            CaseContextVariables.store(task, signals.ofSignal(signalId));
            return;
        }
        RequestRecord request = requests.get(CaseVariables.requestId(task));
        RequestContent content = contents.of(request);
        String ministry = (String) task.getVariable(JoinTasks.CONFIRM.equals(task.getTaskDefinitionKey())
                ? "confirmingMinistry" : "ministry");
        String ministryAbbreviation = ministry == null ? null : abbreviation(ministry);
        Object budgetYear = task.getVariable("budgetYear");

        task.setName(task.getName() + " verzoek " + request.reference()
                + (ministryAbbreviation == null ? "" : " (" + ministryAbbreviation + ")")
                + (budgetYear == null ? "" : " (" + budgetYear + ")"));

        Map<String, Object> context = new HashMap<>();
        context.put("caseReference", request.reference());
        context.put("caseMunicipality", referenceData.municipality(request.municipalityCode())
                .map(m -> m.name()).orElse(request.municipalityCode()));
        context.put("caseFocusArea", referenceData.focusArea(request.focusAreaCode())
                .map(f -> f.name()).orElse(request.focusAreaCode()));
        context.put("caseTitle", request.title());
        Optional<DecisionSummary> decision = decisions.decisionOn(request.id());
        if (content instanceof BudgetPoolingContent pooling) {
            context.putAll(budgetContext(task, request, pooling, decision));
        } else if (content instanceof RuleChangeContent ruleChange) {
            context.put("caseRule", ruleChange.rule());
            context.put("caseRuleDomains", requests.ruleDomainsOf(request.id()).stream()
                    .map(code -> referenceData.ruleDomain(code).map(d -> d.name()).orElse(code))
                    .collect(Collectors.joining(", ")));
            context.put("caseConflict", ruleChange.conflict());
            context.put("caseProposal", ruleChange.proposedSolution());
            Requests.LinkedRule linked = requests.linkedRule(request.id());
            context.put("caseNationalRule", linked.nationalRule());
            context.put("caseCatalogue", catalogueText(linked.nationalRule()));
            if (AssessmentTasks.INTAKE.equals(task.getTaskDefinitionKey())) {
                proposeLink(task, linked);
            }
            if (TaskPrecedents.TASKS.contains(task.getTaskDefinitionKey())) {
                context.put("casePrecedents", precedents.text(request.id()));
            }
        } else if (content instanceof JoinContent join) {
            context.putAll(joinContext(task, request, join));
        }
        context.put("caseInstrument", Instruments.label(content.requestedInstrument()));
        context.put("caseUrgency", RuleChangeSchema.URGENCIES.getOrDefault(request.urgency(), request.urgency()));
        context.put("caseHistory", history(request, decision, SEES_ADVICE.contains(task.getTaskDefinitionKey()),
                (String) task.getVariable("coordinationSummary")));
        if (ministry != null) {
            context.put("caseMinistry", ministryAbbreviation);
        }
        context.put("caseDocuments", documentList(request));
        signals.lineFor(request.id()).ifPresent(line -> context.put("caseSignal", line));
        caseDeadlines.of(request.id()).ifPresent(deadline -> {
            context.put("caseDeadline", String.join(" ", deadline.summary()));
            context.put("caseDeadlineSuspended", deadline.suspended());
        });
        CaseContextVariables.store(task, context);
    }

    /**
     * The budget lines as a table (with what was granted, once decided), the period, total and
     * accountability arrangement; for the decision the partial grant to fill in, for co-signing
     * the director's decision, for the yearly follow-up the budget year.
     */
    private Map<String, Object> budgetContext(DelegateTask task, RequestRecord request, BudgetPoolingContent submission,
                                              Optional<DecisionSummary> decision) {
        List<BudgetLine> lines = budgetLines.of(request.id());
        Map<String, BigDecimal> granted = new HashMap<>();
        decision.ifPresent(taken -> taken.budgetLines()
                .forEach(line -> granted.put(line.ministryCode(), line.grantedAmount())));
        List<Map<String, String>> table = new ArrayList<>();
        for (BudgetLine line : lines) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("ministry", abbreviation(line.ministryCode()));
            row.put("regulation", regulationName(line.regulationCode()));
            row.put("amount", Amounts.euros(line.amount()));
            row.put("years", line.years().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            row.put("granted", granted.containsKey(line.ministryCode()) ? Amounts.euros(granted.get(line.ministryCode())) : "");
            table.add(row);
        }
        Map<String, Object> context = new HashMap<>();
        context.put("casePurpose", submission.purpose());
        context.put("casePeriod", submission.firstYear() + "–" + submission.lastYear());
        context.put("caseBudgetLines", table);
        context.put("caseTotalAmount", Amounts.euros(BudgetLines.total(lines)));
        context.put("caseAccountability", submission.accountabilityArrangement());
        decisionTasks.prepare(task, request.id());
        decisionTasks.decisionText(task, request.id()).ifPresent(text -> context.put("caseDecision", text));
        if (task.getVariable("budgetYear") != null) {
            context.put("caseBudgetYear", String.valueOf(task.getVariable("budgetYear")));
        }
        return context;
    }

    /** "Inkomensondersteuning, Werk en re-integratie (Participatiewet (PW), BWBR0015703)", or why there are none. */
    private String catalogueText(String nationalRule) {
        return nationalRules.find(nationalRule).map(rule -> rule.ruleDomains().stream()
                        .map(code -> referenceData.ruleDomain(code).map(d -> d.name()).orElse(code))
                        .collect(Collectors.joining(", ")) + " (" + rule.label() + ", " + rule.bwbId() + ")")
                .orElse("Geen: het verzoek is niet aan een regeling uit de catalogus gekoppeld.");
    }

    /**
     * The intake's form shows the link the case file has now, to confirm or correct: its fields
     * {@code nationalRule} and {@code article} start with the catalogue entry and article the
     * municipality named. Once an intake round has set them (a question to the municipality and
     * back), that round's choice stays.
     */
    private static void proposeLink(DelegateTask task, Requests.LinkedRule linked) {
        if (!task.hasVariable("nationalRule")) {
            task.getExecution().setVariable("nationalRule", linked.nationalRule());
        }
        if (!task.hasVariable("article")) {
            task.getExecution().setVariable("article", linked.article());
        }
    }

    /** The breakthrough joined (the original decision), why the situation is comparable, and the ministry's confirmation. */
    private Map<String, Object> joinContext(DelegateTask task, RequestRecord request, JoinContent join) {
        Map<String, Object> context = new HashMap<>();
        context.put("caseRule", join.rule());
        context.put("caseMotivation", join.motivation());
        context.put("casePrecedent", breakthroughs.joinedBy(request.id()).map(Breakthrough::text).orElse(join.precedent()));
        Object confirmation = task.getVariable("confirmationOutcome");
        if (confirmation != null) {
            Object note = task.getVariable("confirmationNote");
            context.put("caseConfirmation", Vocabulary.labelOf(ConfirmationOutcome.class, confirmation.toString())
                    + (note == null || note.toString().isBlank() ? "." : ". " + note));
        }
        return context;
    }

    private String regulationName(String code) {
        return referenceData.regulation(code).map(Regulation::name).orElse(code);
    }

    private String history(RequestRecord request, Optional<DecisionSummary> decision, boolean withAdvice,
                           String coordinationSummary) {
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
                        .append(advice.label()).append(". ")
                        .append(advice.rationale());
                if (advice.conditions() != null) {
                    history.append("\nVoorwaarden: ").append(advice.conditions());
                }
            }
        }
        if (withAdvice && coordinationSummary != null) {
            history.append("\n\nUitkomst interdepartementaal overleg: ").append(coordinationSummary);
        }
        decision.ifPresent(taken -> history.append("\n\nBesluit (")
                .append(date(taken.decidedAt())).append("): ").append(taken.outcomeLabel())
                .append(taken.instrumentLabel() == null ? "" : ", " + taken.instrumentLabel()).append(". ")
                .append(taken.rationale()));
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
}
