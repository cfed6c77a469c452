package nl.doorbraak.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;

/**
 * Seeds the Tasklist filters of each group, each readable by that group only. A filter is
 * created once by name; an administrator may change it afterwards.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

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
        List<String> everyone = programmeGroups.all().stream().map(ProgrammeGroups.ProgrammeGroup::id).toList();
        seed("Mijn taken", "Taken die aan u zijn toegewezen", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
        for (Ministry ministry : referenceData.ministries()) {
            String reviewers = Groups.ministry(ministry.code());
            seed("Open beoordelingen " + ministry.abbreviation(), "Beoordelingen voor " + ministry.name(), 0,
                    taskService.createTaskQuery().taskCandidateGroup(reviewers).includeAssignedTasks(),
                    List.of(reviewers));
            seed("Termijn verstreken " + ministry.abbreviation(), "Beoordelingen waarvan de termijn is verstreken", 1,
                    taskService.createTaskQuery().taskCandidateGroup(reviewers).includeAssignedTasks()
                            .dueBeforeExpression("${now()}"),
                    List.of(reviewers));
            String lead = Groups.ministryLead(ministry.code());
            seed("Escalaties " + ministry.abbreviation(), "Beoordelingen die te laat zijn", 0,
                    taskService.createTaskQuery().taskCandidateGroup(lead).includeAssignedTasks(), List.of(lead));
        }
        seed("Programmabureau", "Intake, coördinatie en evaluaties", 0,
                taskService.createTaskQuery().taskCandidateGroup(Groups.PROGRAMME_OFFICE).includeAssignedTasks(),
                List.of(Groups.PROGRAMME_OFFICE));
        seed("Te besluiten", "Verzoeken die op een besluit wachten", 0,
                taskService.createTaskQuery().taskCandidateGroup(Groups.PROGRAMME_DIRECTOR).includeAssignedTasks(),
                List.of(Groups.PROGRAMME_DIRECTOR));
        List<String> municipalities = everyone.stream().filter(g -> Groups.municipalityCodeOf(g).isPresent()).toList();
        seed("Gevraagde informatie", "Vragen van het Rijk aan uw gemeente", 0,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(),
                municipalities);
    }

    private void seed(String name, String description, int priority, TaskQuery query, List<String> readers) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
        for (String group : readers) {
            Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(read);
        }
    }
}
