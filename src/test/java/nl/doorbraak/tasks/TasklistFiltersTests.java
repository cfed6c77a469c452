package nl.doorbraak.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.support.PostgresIntegrationTest;

/** The Tasklist filters seeded for every group: who reads which, what each shows, and an upgrade of older ones. */
@PostgresIntegrationTest
class TasklistFiltersTests {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;

    @Test
    void eachGroupReadsItsOwnFiltersOnly() {
        Map<String, List<String>> readersByFilter = Map.of(
                "Open beoordelingen SZW", List.of("reviewer-szw"),
                "Termijn verstreken SZW", List.of("reviewer-szw"),
                "Escalaties SZW", List.of("lead-szw"),
                "Medeondertekenen", List.of("reviewer-fin"),
                "Intake", List.of("programme-office"),
                "Coördinatie", List.of("programme-office"),
                "Evaluaties", List.of("programme-office"),
                "Te besluiten", List.of("programme-director"),
                "Gevraagde informatie", List.of("rotterdam", "heerlen"));
        List<String> users = List.of("rotterdam", "heerlen", "reviewer-szw", "reviewer-vws", "reviewer-fin", "lead-szw",
                "programme-office", "programme-director", "auditor");
        readersByFilter.forEach((name, readers) -> {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            assertThat(filter).as(name).isNotNull();
            for (String user : users) {
                assertThat(canRead(user, filter)).as("%s reads %s", user, name).isEqualTo(readers.contains(user));
            }
        });
        Filter mine = filterService.createFilterQuery().filterName("Mijn taken").singleResult();
        for (String user : users) {
            assertThat(canRead(user, mine)).as(user).isTrue();
        }
        assertThat(filterService.createFilterQuery().filterName("Programmabureau").count())
                .as("replaced by Intake, Coördinatie and Evaluaties").isZero();
    }

    @Test
    void everySeededFilterShowsTheCaseContextAsColumns() {
        List<Filter> owned = filterService.createTaskFilterQuery().list().stream()
                .filter(filter -> filter.getProperties().containsKey(TasklistFilters.OWNER_PROPERTY)).toList();
        assertThat(owned).hasSize(tasklistFilters.definitions().size());
        for (Filter filter : owned) {
            List<?> columns = (List<?>) filter.getProperties().get("variables");
            assertThat(columns.stream().map(column -> (Object) ((Map<?, ?>) column).get("name")).toList()).as(filter.getName())
                    .containsExactly("caseReference", "caseMunicipality", "caseFocusArea", "caseTitle");
        }
    }

    @Test
    void anInstallationWithOlderFiltersGetsTheCurrentOnesAndKeepsFiltersOfItsOwn() throws Exception {
        Filter szw = filterService.createFilterQuery().filterName("Open beoordelingen SZW").singleResult();
        // as the first version seeded it: no marker, no columns, every SZW task, and a reader too many
        szw.setQuery(taskService.createTaskQuery().taskCandidateGroup("ministry-szw"));
        szw.setProperties(new java.util.HashMap<>(Map.of("description", "oud", "priority", 0)));
        filterService.saveFilter(szw);
        Authorization extra = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        extra.setGroupId("ministry-vws");
        extra.setResource(Resources.FILTER);
        extra.setResourceId(szw.getId());
        extra.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(extra);
        Filter legacy = filterService.saveFilter(filterService.newTaskFilter("Programmabureau")
                .setQuery(taskService.createTaskQuery().taskCandidateGroup("programme-office")));
        Filter own = filterService.saveFilter(filterService.newTaskFilter("Spoed SZW (eigen filter)")
                .setQuery(taskService.createTaskQuery().taskCandidateGroup("ministry-szw").taskPriority(80)));
        try {
            tasklistFilters.run(null);

            Filter updated = filterService.getFilter(szw.getId());
            assertThat(updated.getProperties()).containsEntry(TasklistFilters.OWNER_PROPERTY, "assessments-szw")
                    .containsKey("variables");
            assertThat(canRead("reviewer-vws", updated)).isFalse();
            assertThat(canRead("reviewer-szw", updated)).isTrue();
            assertThat(filterService.getFilter(legacy.getId())).isNull();
            assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(legacy.getId()).count()).isZero();
            assertThat(filterService.getFilter(own.getId()).getName()).isEqualTo("Spoed SZW (eigen filter)");
        } finally {
            filterService.deleteFilter(own.getId());
        }
    }

    @Test
    void theProgrammeOfficeFiltersSplitItsTasksByStep() {
        Map<String, List<String>> keys = Map.of(
                "Intake", List.of("Task_Intake", "Task_CheckBudgetLines"),
                "Coördinatie", List.of("Task_Coordinate"),
                "Evaluaties", List.of("Task_AssessEvaluation", "Task_CheckAccountability"),
                "Te besluiten", List.of("Task_Decide", "Task_DecidePooling"),
                "Medeondertekenen", List.of("Task_CoSign"),
                "Open beoordelingen SZW", List.of("Task_Assess", "Task_AnswerSignal", "Task_UpdateImplementation"),
                "Escalaties SZW", List.of("Task_Escalate", "Task_EscalateSignal", "Task_EscalateImplementation"));
        keys.forEach((name, taskKeys) -> {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            org.camunda.bpm.engine.impl.TaskQueryImpl query = filter.getQuery();
            assertThat(query.getKeys()).as(name).containsExactlyInAnyOrderElementsOf(taskKeys);
        });
    }

    @Autowired
    TasklistFilters tasklistFilters;

    private boolean canRead(String user, Filter filter) {
        return authorizationService.isUserAuthorized(user, groupsOf(user), Permissions.READ, Resources.FILTER,
                filter.getId());
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    }
}
