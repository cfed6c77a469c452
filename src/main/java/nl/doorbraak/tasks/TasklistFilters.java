package nl.doorbraak.tasks;

import nl.doorbraak.signal.SignalTasks;
import nl.doorbraak.implementation.ImplementationTasks;

import nl.doorbraak.security.Groups;
import nl.doorbraak.security.ProgrammeGroups;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.decision.DecisionTasks;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;

/**
 * The Tasklist filters of each group, each readable by that group only, with the case context
 * (reference, municipality, focus area, title) as columns of every task. The application owns
 * these filters: they carry the property {@value #OWNER_PROPERTY} and are brought in line with
 * this class on every start (query, columns, readers); owned filters it no longer defines are
 * removed. Filters seeded before ownership was marked are recognised by name. Filters an
 * administrator creates in Tasklist under another name are never touched.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

    static final String OWNER_PROPERTY = "doorbraakFilter";

    /** Names the application seeded before its filters carried {@link #OWNER_PROPERTY}. */
    private static final Set<String> UNMARKED_LEGACY_NAMES = Set.of("Programmabureau");

    /** The columns Tasklist shows on each task card: the task-local case context of {@code CaseContext}. */
    static final List<Map<String, String>> COLUMNS = List.of(
            column("caseReference", "Kenmerk"),
            column("caseMunicipality", "Gemeente"),
            column("caseFocusArea", "Focusgebied"),
            column("caseTitle", "Titel"));

    /** One filter the application defines: a stable key, its Dutch name and who may read it. */
    record Definition(String key, String name, String description, int priority, TaskQuery query,
                      List<String> readers) {
    }

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final ReferenceData referenceData;
    private final ProgrammeGroups programmeGroups;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
                    ReferenceData referenceData, ProgrammeGroups programmeGroups) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.referenceData = referenceData;
        this.programmeGroups = programmeGroups;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Definition> definitions = definitions();
        Map<String, Filter> owned = ownedFilters(definitions);
        Set<String> defined = new HashSet<>();
        for (Definition definition : definitions) {
            defined.add(definition.key());
            save(definition, owned.get(definition.key()));
        }
        owned.forEach((key, filter) -> {
            if (!defined.contains(key)) {
                filterService.deleteFilter(filter.getId()); // its authorizations go with it
            }
        });
    }

    List<Definition> definitions() {
        List<String> everyone = programmeGroups.all().stream().map(ProgrammeGroups.ProgrammeGroup::id).toList();
        List<Definition> definitions = new ArrayList<>();
        definitions.add(new Definition("mine", "Mijn taken", "Taken die aan u zijn toegewezen", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone));
        for (Ministry ministry : referenceData.ministries()) {
            String reviewers = Groups.ministry(ministry.code());
            String abbreviation = ministry.abbreviation();
            definitions.add(new Definition("assessments-" + ministry.code(), "Open beoordelingen " + abbreviation,
                    "Beoordelingen voor " + ministry.name(), 0,
                    candidates(reviewers, AssessmentTasks.ASSESS, SignalTasks.ANSWER, ImplementationTasks.UPDATE),
                    List.of(reviewers)));
            definitions.add(new Definition("overdue-" + ministry.code(), "Termijn verstreken " + abbreviation,
                    "Beoordelingen waarvan de termijn is verstreken", 1,
                    candidates(reviewers, AssessmentTasks.ASSESS, SignalTasks.ANSWER, ImplementationTasks.UPDATE)
                            .dueBeforeExpression("${now()}"), List.of(reviewers)));
            String lead = Groups.ministryLead(ministry.code());
            definitions.add(new Definition("escalations-" + ministry.code(), "Escalaties " + abbreviation,
                    "Beoordelingen die te laat zijn", 0, candidates(lead, AssessmentTasks.ESCALATE, SignalTasks.ESCALATE,
                            ImplementationTasks.ESCALATE),
                    List.of(lead)));
        }
        definitions.add(new Definition("co-signature", "Medeondertekenen",
                "Besluiten over ontschotting boven de drempel, ter medeondertekening door Financiën", 0,
                candidates(Groups.ministry("fin"), DecisionTasks.CO_SIGN), List.of(Groups.ministry("fin"))));
        List<String> office = List.of(Groups.PROGRAMME_OFFICE);
        definitions.add(new Definition("intake", "Intake", "Nieuwe verzoeken: volledigheid, regeldomeinen en budgetregels",
                0, candidates(Groups.PROGRAMME_OFFICE, AssessmentTasks.INTAKE, AssessmentTasks.CHECK_BUDGET_LINES), office));
        definitions.add(new Definition("coordination", "Coördinatie", "Verzoeken met uiteenlopende adviezen", 1,
                candidates(Groups.PROGRAMME_OFFICE, AssessmentTasks.COORDINATE), office));
        definitions.add(new Definition("evaluations", "Evaluaties", "Evaluaties en verantwoordingen beoordelen", 2,
                candidates(Groups.PROGRAMME_OFFICE, DecisionTasks.ASSESS_EVALUATION, DecisionTasks.CHECK_ACCOUNTABILITY), office));
        definitions.add(new Definition("decisions", "Te besluiten", "Verzoeken die op een besluit wachten", 0,
                candidates(Groups.PROGRAMME_DIRECTOR, DecisionTasks.DECIDE, DecisionTasks.DECIDE_POOLING),
                List.of(Groups.PROGRAMME_DIRECTOR)));
        List<String> municipalities = everyone.stream().filter(g -> Groups.municipalityCodeOf(g).isPresent()).toList();
        definitions.add(new Definition("municipality", "Gevraagde informatie",
                "Vragen, evaluaties en verantwoordingen die het Rijk van uw gemeente vraagt", 0,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(),
                municipalities));
        return definitions;
    }

    private TaskQuery candidates(String group, String... taskDefinitionKeys) {
        return taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                .taskDefinitionKeyIn(taskDefinitionKeys);
    }

    /** The application's filters by key: marked ones, and unmarked ones under a name it seeds or seeded. */
    private Map<String, Filter> ownedFilters(List<Definition> definitions) {
        Map<String, String> keyByName = new LinkedHashMap<>();
        definitions.forEach(definition -> keyByName.put(definition.name(), definition.key()));
        Map<String, Filter> owned = new LinkedHashMap<>();
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            Object key = filter.getProperties() == null ? null : filter.getProperties().get(OWNER_PROPERTY);
            if (key instanceof String marked) {
                owned.put(marked, filter);
            } else if (keyByName.containsKey(filter.getName())) {
                owned.putIfAbsent(keyByName.get(filter.getName()), filter);
            } else if (UNMARKED_LEGACY_NAMES.contains(filter.getName())) {
                owned.put("legacy-" + filter.getName(), filter);
            }
        }
        return owned;
    }

    private void save(Definition definition, Filter existing) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(OWNER_PROPERTY, definition.key());
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put("variables", COLUMNS);
        Filter filter = existing != null ? existing : filterService.newTaskFilter();
        filter.setName(definition.name());
        filter.setQuery(definition.query());
        filter.setProperties(properties);
        filterService.saveFilter(filter);
        grantReadToExactly(filter.getId(), definition.readers());
    }

    /** READ for the filter's groups, and for no other group. */
    private void grantReadToExactly(String filterId, List<String> readers) {
        Set<String> missing = new HashSet<>(readers);
        for (Authorization grant : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.FILTER).resourceId(filterId).list()) {
            if (grant.getGroupId() != null && !missing.remove(grant.getGroupId()) && !readers.contains(grant.getGroupId())) {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
        for (String group : missing) {
            Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filterId);
            read.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(read);
        }
    }

    private static Map<String, String> column(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }
}
