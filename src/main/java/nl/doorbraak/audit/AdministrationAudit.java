package nl.doorbraak.audit;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts identity, authorization and deployment changes on the system chain, whoever makes them
 * (Camunda Admin, the seeding at start-up, a script): an interceptor sees every engine command
 * and records the ones that change users, groups, memberships, authorizations or deployed models,
 * after they succeeded and in their transaction. The commands keep what they change in fields
 * of their own, read here by name; an unknown shape is still recorded, by command name.
 */
class AdministrationAudit extends CommandInterceptor {

    private final AuditWriter writer;
    private final JdbcClient jdbc;

    AdministrationAudit(AuditWriter writer, JdbcClient jdbc) {
        this.writer = writer;
        this.jdbc = jdbc;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof AbstractWritableIdentityServiceCmd || command instanceof SaveAuthorizationCmd
                || command instanceof DeleteAuthorizationCmd) {
            record(command);
        } else if (command instanceof DeployCmd deploy && result instanceof Deployment deployment) {
            recordDeployment(deploy, deployment);
        }
        return result;
    }

    private void record(Command<?> command) {
        String name = command.getClass().getSimpleName();
        Map<String, Object> what = new LinkedHashMap<>();
        Object user = field(command, "user");
        if (user instanceof User u) {
            what.put("user", u.getId());
            what.put("name", (nullToEmpty(u.getFirstName()) + " " + nullToEmpty(u.getLastName())).trim());
            what.put("email", u.getEmail());
        }
        if (field(command, "group") instanceof Group g) {
            what.put("group", g.getId());
            what.put("name", g.getName());
        }
        if (field(command, "authorization") instanceof Authorization a) {
            what.put("authorization", a.getId());
            what.put("group", a.getGroupId());
            what.put("user", a.getUserId());
            what.put("resourceType", a.getResourceType());
            what.put("resourceId", a.getResourceId());
            what.put("type", a.getAuthorizationType());
        }
        for (String key : new String[] {"userId", "groupId", "authorizationId"}) {
            Object value = field(command, key);
            if (value != null) {
                what.put(key, value.toString());
            }
        }
        String display = switch (name) {
            case "SaveUserCmd" -> "Gebruiker opgeslagen";
            case "DeleteUserCmd" -> "Gebruiker verwijderd";
            case "SaveGroupCmd" -> "Groep opgeslagen";
            case "DeleteGroupCmd" -> "Groep verwijderd";
            case "CreateMembershipCmd" -> "Gebruiker toegevoegd aan groep";
            case "DeleteMembershipCmd" -> "Gebruiker uit groep verwijderd";
            case "SaveAuthorizationCmd" -> "Autorisatie opgeslagen";
            case "DeleteAuthorizationCmd" -> "Autorisatie verwijderd";
            default -> "Identiteiten gewijzigd (" + name + ")";
        };
        String resourceType = name.contains("Authorization") ? "authorization"
                : name.contains("Membership") ? "membership" : name.contains("Group") ? "group" : "user";
        Object id = what.getOrDefault("user", what.getOrDefault("group", what.getOrDefault("authorization",
                what.get("authorizationId"))));
        append("identity-changed", display, resourceType, id == null ? null : id.toString(), CanonicalJson.of(
                Map.of("new", what)));
    }

    private void recordDeployment(DeployCmd command, Deployment deployment) {
        Long already = jdbc.sql("SELECT count(*) FROM audit_event WHERE chain = ? AND resource_type = 'deployment' "
                        + "AND resource_id = ?")
                .params(AuditTrail.SYSTEM, deployment.getId()).query(Long.class).single();
        if (already > 0) {
            return; // an unchanged start-up returns the deployment that is already there
        }
        Map<String, Object> resources = new TreeMap<>();
        if (field(command, "deploymentBuilder") instanceof org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl b
                && b.getDeployment() != null && b.getDeployment().getResources() != null) {
            for (Map.Entry<String, ResourceEntity> resource : b.getDeployment().getResources().entrySet()) {
                resources.put(resource.getKey(), "sha256:" + sha256(resource.getValue().getBytes()));
            }
        }
        append("deployment", "Modellen uitgerold: " + deployment.getName(), "deployment", deployment.getId(),
                CanonicalJson.of(Map.of("new", resources)));
    }

    private void append(String action, String display, String resourceType, String resourceId, String changes) {
        String userId = AuditHistoryEventHandler.currentUser();
        writer.append(new AuditDraft(AuditTrail.SYSTEM, null, java.time.Instant.now(), "engine", userId, action,
                display, "success", resourceType, resourceId, resourceId, null, changes));
    }

    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
