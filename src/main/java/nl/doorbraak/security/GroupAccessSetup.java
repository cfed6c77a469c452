package nl.doorbraak.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the programme's groups and their Camunda authorizations on every start, in every
 * profile: Tasklist for every human group, read-only Cockpit with history for auditors and the
 * programme office, no Cockpit for municipalities and ministries. Idempotent; what an
 * administrator added in Admin stays.
 */
@Component
@Order(1)
class GroupAccessSetup implements ApplicationRunner {

    static final String[] STARTABLE_PROCESSES = {"rule-change-request", "budget-pooling-request", "join-request"};

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ProgrammeGroups programmeGroups;

    GroupAccessSetup(IdentityService identityService, AuthorizationService authorizationService,
                     ProgrammeGroups programmeGroups) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.programmeGroups = programmeGroups;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (ProgrammeGroups.ProgrammeGroup group : programmeGroups.all()) {
            createGroupIfMissing(group);
            grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist reads the definition to show a task's form and diagram; it holds no case data
            grant(group.id(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            if (Groups.municipalityCodeOf(group.id()).isPresent()) {
                // a municipality starts its own requests from Tasklist's "Start process"
                for (String startable : STARTABLE_PROCESSES) {
                    grant(group.id(), Resources.PROCESS_DEFINITION, startable, Permissions.READ,
                            Permissions.CREATE_INSTANCE);
                }
                grant(group.id(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            }
        }
        for (String readOnly : new String[] {Groups.AUDITOR, Groups.PROGRAMME_OFFICE}) {
            grantReadOnlyCockpit(readOnly);
        }
    }

    private void grantReadOnlyCockpit(String groupId) {
        grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grantAlso(groupId, Resources.PROCESS_DEFINITION, "*",
                Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(groupId, Resources.TASK, "*", Permissions.READ);
        grant(groupId, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, "*", Permissions.READ);
    }

    private void createGroupIfMissing(ProgrammeGroups.ProgrammeGroup group) {
        if (identityService.createGroupQuery().groupId(group.id()).count() > 0) {
            return;
        }
        Group created = identityService.newGroup(group.id());
        created.setName(group.name());
        created.setType(group.type());
        identityService.saveGroup(created);
    }

    /** Adds permissions to the group's grant on the resource, creating the grant if needed. */
    private void grantAlso(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            grant(groupId, resource, resourceId, permissions);
            return;
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** Grants the permissions unless a grant for this group and resource exists already. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
