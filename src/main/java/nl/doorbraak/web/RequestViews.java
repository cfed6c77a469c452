package nl.doorbraak.web;

import nl.doorbraak.signal.SignalViews;

import nl.doorbraak.request.RequestContents;
import nl.doorbraak.request.RequestContent;
import nl.doorbraak.request.DocumentRecord;
import nl.doorbraak.request.Documents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestStatus;
import nl.doorbraak.request.Requests;
import nl.doorbraak.decision.Decisions;
import nl.doorbraak.implementation.ImplementationChanges;
import nl.doorbraak.implementation.ImplementationView;
import nl.doorbraak.casedeadline.CaseDeadlineView;
import nl.doorbraak.casedeadline.CaseDeadlines;
import nl.doorbraak.decision.DecisionSummary;
import nl.doorbraak.decision.DecisionVersion;
import nl.doorbraak.joining.Joins;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.reference.ReferenceData;

/** The API's representations of a request: a line in a list, and the full page. */
@Component
public class RequestViews {

    /** A request in a list. */
    public record RequestSummary(String reference, String kind, String status, String statusLabel, String municipality,
                          String focusArea, String title, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                          Map<String, String> _links) {
    }

    /** An open task on the request: who must act, and by when. */
    public record OpenTask(String id, String name, String taskDefinitionKey, List<String> candidateGroups, String assignee,
                    Date created, Date due) {
    }

    /** Everything about one request that its reader may see. */
    public record RequestDetail(String reference, String kind, String status, String statusLabel, String municipality,
                         String municipalityName, String focusArea, String focusAreaName, String title,
                         String submittedBy, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                         OffsetDateTime closedAt, RequestContent submission, List<String> routedTo,
                         List<String> currentSteps, List<OpenTask> openTasks, DecisionSummary decision,
                         LinkedNationalRule nationalRule, String article, Joins.Join join,
                         SignalViews.RequestSignal signal, List<DecisionVersion> decisionVersions,
                         Map<String, String> _links, ImplementationView implementation,
                         CaseDeadlineView caseDeadline) {

        /** The decision's version now (amended or revoked since the decision, or the decision itself); null before it. */
        public DecisionVersion currentDecisionVersion() {
            return decisionVersions.isEmpty() ? null : decisionVersions.get(decisionVersions.size() - 1);
        }

        /** The versions before the current one, newest first. */
        public List<DecisionVersion> earlierDecisionVersions() {
            List<DecisionVersion> earlier = new java.util.ArrayList<>(decisionVersions.isEmpty() ? List.of()
                    : decisionVersions.subList(0, decisionVersions.size() - 1));
            java.util.Collections.reverse(earlier);
            return earlier;
        }
    }

    /** The catalogue entry a rule-change request is linked to (by the municipality, or at intake). */
    public record LinkedNationalRule(String id, String bwbId, String name, String url) {
    }

    /** Activities that are a step someone waits for; scopes such as subprocesses are not. */
    private static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask",
            "intermediateTimer", "intermediateMessageCatch");

    private final Requests requests;
    private final ReferenceData referenceData;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final Decisions decisions;
    private final RequestContents contents;
    private final NationalRules nationalRules;
    private final Joins joins;
    private final SignalViews signals;
    private final ImplementationChanges implementation;
    private final CaseDeadlines caseDeadlines;
    private final Documents documents;

    RequestViews(Requests requests, ReferenceData referenceData, TaskService taskService,
                 HistoryService historyService, Decisions decisions, RequestContents contents,
                 NationalRules nationalRules, Joins joins, SignalViews signals, ImplementationChanges implementation,
                 CaseDeadlines caseDeadlines, Documents documents) {
        this.documents = documents;
        this.implementation = implementation;
        this.caseDeadlines = caseDeadlines;
        this.nationalRules = nationalRules;
        this.joins = joins;
        this.signals = signals;
        this.requests = requests;
        this.referenceData = referenceData;
        this.taskService = taskService;
        this.historyService = historyService;
        this.decisions = decisions;
        this.contents = contents;
    }

    public RequestSummary summary(RequestRecord request) {
        return new RequestSummary(request.reference(), request.kind(), request.status(),
                RequestStatus.labelOf(request.status()), request.municipalityCode(), request.focusAreaCode(),
                request.title(), request.submittedAt(), request.updatedAt(), Map.of("self", self(request)));
    }

    /**
     * One read-only transaction for the page's dozen reads: otherwise each engine query is a
     * transaction of its own with a commit round trip to the database, and each read takes a
     * connection from the pool again (issue 9, docs/benchmarks.md "API submission").
     */
    @Transactional(readOnly = true)
    public RequestDetail detail(RequestRecord request) {
        Requests.LinkedRule linked = requests.linkedRule(request.id());
        LinkedNationalRule nationalRule = nationalRules.find(linked.nationalRule())
                .map(rule -> new LinkedNationalRule(rule.id(), rule.bwbId(), rule.name(), rule.url())).orElse(null);
        return new RequestDetail(request.reference(), request.kind(), request.status(),
                RequestStatus.labelOf(request.status()), request.municipalityCode(),
                referenceData.municipality(request.municipalityCode()).map(m -> m.name()).orElse(null),
                request.focusAreaCode(),
                referenceData.focusArea(request.focusAreaCode()).map(f -> f.name()).orElse(null),
                request.title(), request.submittedBy(), request.submittedAt(), request.updatedAt(), request.closedAt(),
                contents.of(request), requests.ministriesOf(request.id()), currentSteps(request),
                openTasks(request.reference()),
                decisions.decisionOn(request.id()).orElse(null),
                nationalRule, linked.article(), joins.of(request).orElse(null),
                signals.ofRequest(request.id()).orElse(null), decisions.versionsOn(request.id()),
                links(request),
                implementation.viewOf(request.id()).orElse(null), caseDeadlines.of(request.id()).orElse(null));
    }

    /**
     * The request's links: itself, its withdrawal, its documents and, once there is one, the
     * latest decision letter (a decision, its amendment or revocation, or the lapse), as PDF.
     */
    private Map<String, String> links(RequestRecord request) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("self", self(request));
        links.put("withdrawal", self(request) + "/withdrawal");
        links.put("documents", self(request) + "/documents");
        List<DocumentRecord> letters = documents.ofKind(request.id(), DocumentRecord.DECISION_LETTER);
        if (!letters.isEmpty()) {
            links.put("decisionLetter", self(request) + "/documents/" + letters.get(letters.size() - 1).id());
        }
        return links;
    }

    /**
     * Where the case is now, in the models' Dutch names: the open tasks, timers and steps of
     * the case's process and of the assessments it called (e.g. "Beoordelen", "Evaluatiedatum bereikt").
     */
    private List<String> currentSteps(RequestRecord request) {
        if (request.processInstanceId() == null) {
            return List.of();
        }
        Set<String> steps = new LinkedHashSet<>();
        collectSteps(request.processInstanceId(), steps);
        return List.copyOf(steps);
    }

    private void collectSteps(String processInstanceId, Set<String> steps) {
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).unfinished().orderByHistoricActivityInstanceStartTime().asc()
                .list()) {
            if (STEP_TYPES.contains(activity.getActivityType()) && activity.getActivityName() != null) {
                steps.add(activity.getActivityName());
            }
        }
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId).unfinished()
                .list().forEach(called -> collectSteps(called.getId(), steps));
    }

    private List<OpenTask> openTasks(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).orderByTaskCreateTime().asc()
                .list().stream().map(this::openTask).toList();
    }

    private OpenTask openTask(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
        return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), groups, task.getAssignee(),
                task.getCreateTime(), task.getDueDate());
    }

    static String self(RequestRecord request) {
        return "/api/v1/requests/" + request.reference();
    }
}
