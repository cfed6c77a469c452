package nl.doorbraak.security;

import nl.doorbraak.demo.DemoUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.support.PostgresIntegrationTest;

/** The identities, groups, authorizations and filters seeded into Camunda. */
@PostgresIntegrationTest
class CamundaAccessTests {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;

    @Test
    void everyRoleHasADemoUserInItsGroup() {
        assertThat(identityService.createUserQuery().memberOfGroup("municipality-0599").list())
                .extracting("id").containsExactly("rotterdam");
        assertThat(identityService.createUserQuery().memberOfGroup("municipality-0518").list())
                .extracting("id").containsExactly("den-haag");
        assertThat(identityService.createUserQuery().memberOfGroup("ministry-szw").list())
                .extracting("id").containsExactly("reviewer-szw");
        assertThat(identityService.createUserQuery().memberOfGroup("ministry-szw-lead").list())
                .extracting("id").containsExactly("lead-szw");
        for (String group : List.of("programme-office", "programme-director", "auditor", "camunda-admin")) {
            assertThat(identityService.createUserQuery().memberOfGroup(group).count()).as(group).isEqualTo(1);
        }
        long municipalityUsers = identityService.createGroupQuery().groupType("municipality").list().stream()
                .mapToLong(g -> identityService.createUserQuery().memberOfGroup(g.getId()).count()).sum();
        assertThat(municipalityUsers).isEqualTo(19);
        assertThat(identityService.checkPassword("reviewer-szw", "demo")).isTrue();
    }

    @Test
    void humanGroupsMayUseTasklistButOnlyAuditorsAndTheProgrammeOfficeSeeCockpit() {
        for (String user : List.of("rotterdam", "reviewer-szw", "lead-szw", "programme-office",
                "programme-director", "auditor")) {
            List<String> groups = groupsOf(user);
            assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION,
                    "tasklist")).as("tasklist for %s", user).isTrue();
        }
        for (String user : List.of("rotterdam", "reviewer-szw", "lead-szw", "programme-director")) {
            assertThat(authorizationService.isUserAuthorized(user, groupsOf(user), Permissions.ACCESS,
                    Resources.APPLICATION, "cockpit")).as("cockpit for %s", user).isFalse();
        }
        assertThat(authorizationService.isUserAuthorized("auditor", groupsOf("auditor"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizationService.isUserAuthorized("auditor", groupsOf("auditor"), Permissions.READ_HISTORY,
                Resources.PROCESS_DEFINITION, "rule-change-request")).isTrue();
    }

    @Test
    void auditorsReadButChangeNothing() {
        List<String> groups = groupsOf("auditor");
        assertThat(authorizationService.isUserAuthorized("auditor", groups, Permissions.UPDATE,
                Resources.PROCESS_INSTANCE, "any")).isFalse();
        assertThat(authorizationService.isUserAuthorized("auditor", groups, Permissions.DELETE,
                Resources.PROCESS_INSTANCE, "any")).isFalse();
        assertThat(authorizationService.isUserAuthorized("auditor", groups, Permissions.CREATE,
                Resources.DEPLOYMENT, "any")).isFalse();
        assertThat(authorizationService.isUserAuthorized("auditor", groups, Permissions.UPDATE,
                Resources.TASK, "any")).isFalse();
    }

    @Test
    void seedingTwiceChangesNothing() throws Exception {
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long filters = filterService.createFilterQuery().count();
        long groups = identityService.createGroupQuery().count();
        long users = identityService.createUserQuery().count();
        groupAccessSetup.run(null);
        demoUsers.run(null);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    }

    @Autowired
    GroupAccessSetup groupAccessSetup;
    @Autowired
    DemoUsers demoUsers;

    private boolean canRead(String user, Filter filter) {
        return authorizationService.isUserAuthorized(user, groupsOf(user), Permissions.READ, Resources.FILTER,
                filter.getId());
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    }
}
