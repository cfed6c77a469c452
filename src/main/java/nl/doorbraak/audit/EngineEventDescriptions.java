package nl.doorbraak.audit;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;

/**
 * Turns each kind of engine history event into an audit draft: what happened, in Dutch, to which
 * resource, with the values that changed. Events the engine adds in future versions still get
 * an entry through the generic description.
 */
final class EngineEventDescriptions {

    private static final int VALUE_LIMIT = 4000;

    /** Dutch names of the engine's user operation types and entity types; others appear as they are. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Complete", "afronden"), Map.entry("Claim", "claimen"), Map.entry("Assign", "toewijzen"),
            Map.entry("SetOwner", "eigenaar instellen"), Map.entry("Delegate", "delegeren"),
            Map.entry("Resolve", "oplossen"), Map.entry("Create", "aanmaken"), Map.entry("Update", "wijzigen"),
            Map.entry("Delete", "verwijderen"), Map.entry("SetJobRetries", "herhaalpogingen instellen"),
            Map.entry("Suspend", "opschorten"), Map.entry("Activate", "hervatten"),
            Map.entry("ModifyProcessInstance", "procesinstantie aanpassen"),
            Map.entry("CorrelateMessage", "bericht afleveren"), Map.entry("SetVariable", "gegeven vastleggen"),
            Map.entry("AddUserLink", "gebruiker koppelen"), Map.entry("DeleteUserLink", "gebruiker ontkoppelen"),
            Map.entry("AddGroupLink", "groep koppelen"), Map.entry("DeleteGroupLink", "groep ontkoppelen"));
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("Task", "taak"), Map.entry("ProcessInstance", "procesinstantie"),
            Map.entry("ProcessDefinition", "procesdefinitie"), Map.entry("Job", "achtergrondstap"),
            Map.entry("JobDefinition", "achtergrondstapdefinitie"), Map.entry("Incident", "storing"),
            Map.entry("Variable", "gegeven"), Map.entry("Deployment", "uitrol"), Map.entry("User", "gebruiker"),
            Map.entry("Group", "groep"), Map.entry("Authorization", "autorisatie"), Map.entry("IdentityLink", "betrokkene"));

    private static String dutch(Map<String, String> names, String name) {
        return name == null ? "" : names.getOrDefault(name, name);
    }

    private EngineEventDescriptions() {
    }

    static AuditDraft describe(HistoryEvent event, String userId) {
        String root = event.getRootProcessInstanceId() != null ? event.getRootProcessInstanceId()
                : event.getProcessInstanceId();
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            HistoricDecisionInstanceEntity decision = evaluation.getRootHistoricDecisionInstance();
            String rootOfDecision = decision.getRootProcessInstanceId() != null ? decision.getRootProcessInstanceId()
                    : decision.getProcessInstanceId();
            return draft(rootOfDecision, userId, "decision-evaluated", "Beslistabel geëvalueerd", "decision",
                    decision.getDecisionDefinitionKey(), name(decision.getDecisionDefinitionName(),
                            decision.getDecisionDefinitionKey()), null, changes(inputs(decision), outputs(decision)));
        }
        if (event instanceof HistoricProcessInstanceEventEntity process) {
            return switch (event.getEventType()) {
                case "start" -> draft(root, userId, "process-started", "Proces gestart", "process-instance",
                        process.getProcessInstanceId(), name(process.getProcessDefinitionName(),
                                process.getProcessDefinitionKey()), null, changes(null, process.getBusinessKey()));
                case "end" -> draft(root, userId, "process-ended", "Proces beëindigd", "process-instance",
                        process.getProcessInstanceId(), name(process.getProcessDefinitionName(),
                                process.getProcessDefinitionKey()), process.getDeleteReason(),
                        changes(null, process.getState()));
                default -> draft(root, userId, "process-updated", "Proces gewijzigd", "process-instance",
                        process.getProcessInstanceId(), name(process.getProcessDefinitionName(),
                                process.getProcessDefinitionKey()), null, changes(null, process.getBusinessKey()));
            };
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            String[] action = switch (event.getEventType()) {
                case "start" -> new String[] {"activity-started", "Stap begonnen"};
                case "end" -> activity.isCanceled() ? new String[] {"activity-canceled", "Stap afgebroken"}
                        : new String[] {"activity-ended", "Stap afgerond"};
                case "migrate" -> new String[] {"activity-migrated", "Stap overgezet naar een nieuwe procesversie"};
                default -> new String[] {"activity-updated", "Stap bijgewerkt"};
            };
            return draft(root, userId, action[0], action[1], "activity", activity.getActivityInstanceId(),
                    name(activity.getActivityName(), activity.getActivityId()), null,
                    changes(null, activity.getActivityType()));
        }
        if (event instanceof HistoricTaskInstanceEventEntity task) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("assignee", task.getAssignee());
            state.put("owner", task.getOwner());
            state.put("due", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
            state.put("name", task.getName());
            String[] action = switch (event.getEventType()) {
                case "create" -> new String[] {"task-created", "Taak aangemaakt"};
                // the engine reports a task ended by a withdrawal, timer or error as "complete" too
                case "complete" -> "completed".equals(task.getDeleteReason())
                        ? new String[] {"task-completed", "Taak afgerond"}
                        : new String[] {"task-deleted", "Taak vervallen"};
                case "delete" -> new String[] {"task-deleted", "Taak vervallen"};
                default -> new String[] {"task-updated", "Taak gewijzigd"};
            };
            // the engine's own reasons "completed" and "deleted" say nothing the action does not; others are kept
            String reason = task.getDeleteReason();
            String explanation = reason == null || reason.equals("completed") || reason.equals("deleted") ? null : reason;
            return draft(root, userId, action[0], action[1], "task", task.getTaskId(),
                    name(task.getName(), task.getTaskDefinitionKey()), explanation, changes(null, state));
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity link) {
            boolean add = "add".equals(link.getOperationType());
            String who = link.getUserId() != null ? link.getUserId() : link.getGroupId();
            String kind = link.getType();
            String display = switch (kind == null ? "" : kind) {
                case "assignee" -> add ? "Taak toegewezen aan " + who : "Toewijzing van taak aan " + who + " ingetrokken";
                case "candidate" -> add ? "Taak klaargezet voor " + who : "Taak niet meer voor " + who;
                default -> (add ? "Betrokkene toegevoegd: " : "Betrokkene verwijderd: ") + who;
            };
            return draft(root, userId, add ? "task-" + kind + "-added" : "task-" + kind + "-removed", display,
                    "task", link.getTaskId(), null, null, changes(add ? null : who, add ? who : null));
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            String[] action = switch (event.getEventType()) {
                case "create" -> new String[] {"variable-created", "Gegeven vastgelegd"};
                case "delete" -> new String[] {"variable-deleted", "Gegeven verwijderd"};
                default -> new String[] {"variable-updated", "Gegeven gewijzigd"};
            };
            return draft(root, userId, action[0], action[1], "variable", variable.getVariableInstanceId(),
                    variable.getVariableName(), null,
                    "variable-deleted".equals(action[0]) ? null : changes(null, value(variable)));
        }
        if (event instanceof HistoricIncidentEventEntity incident) {
            String[] action = switch (event.getEventType()) {
                case "create" -> new String[] {"incident-created", "Storing ontstaan"};
                case "resolve" -> new String[] {"incident-resolved", "Storing opgelost"};
                default -> new String[] {"incident-" + event.getEventType(), "Storing gewijzigd"};
            };
            return draft(root, userId, action[0], action[1], "incident", incident.getId(),
                    incident.getActivityId(), incident.getIncidentMessage(), changes(null, incident.getIncidentType()));
        }
        if (event instanceof UserOperationLogEntryEventEntity operation) {
            return draft(root, operation.getUserId() != null ? operation.getUserId() : userId,
                    "user-operation", "Handeling: " + dutch(OPERATIONS, operation.getOperationType()) + " "
                            + dutch(ENTITIES, operation.getEntityType()),
                    operation.getEntityType() == null ? "operation" : operation.getEntityType(),
                    operation.getOperationId(), operation.getProperty(), operation.getAnnotation(),
                    changes(operation.getOrgValue(), operation.getNewValue()));
        }
        if (event instanceof HistoricJobLogEvent job) {
            String[] action = job.isFailureLog() ? new String[] {"job-failed", "Achtergrondstap mislukt"}
                    : job.isSuccessLog() ? new String[] {"job-succeeded", "Achtergrondstap uitgevoerd"}
                    : job.isDeletionLog() ? new String[] {"job-deleted", "Achtergrondstap vervallen"}
                    : new String[] {"job-created", "Achtergrondstap gepland"};
            return draft(root, userId, action[0], action[1], "job", job.getJobId(), job.getActivityId(),
                    job.getJobExceptionMessage(), changes(null, "retries=" + job.getJobRetries()));
        }
        return draft(root, userId, "engine-" + event.getEventType(), "Gebeurtenis in de engine",
                event.getClass().getSimpleName(), event.getId(), null, null, null);
    }

    private static AuditDraft draft(String root, String userId, String action, String display, String resourceType,
                                    String resourceId, String resourceDisplay, String explanation, String changes) {
        return new AuditDraft(null, root, Instant.now(), "engine", userId, action, display, "success", resourceType,
                resourceId, resourceDisplay, explanation, changes);
    }

    private static String changes(Object oldValue, Object newValue) {
        if (oldValue == null && newValue == null) {
            return null;
        }
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("old", oldValue);
        both.put("new", newValue);
        return CanonicalJson.of(both);
    }

    private static String name(String name, String fallback) {
        return name != null ? name : fallback;
    }

    private static Map<String, Object> inputs(HistoricDecisionInstanceEntity decision) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (HistoricDecisionInputInstance input : decision.getInputs()) {
            inputs.put(name(input.getClauseName(), input.getClauseId()), text(input.getValue()));
        }
        return inputs;
    }

    private static List<Object> outputs(HistoricDecisionInstanceEntity decision) {
        List<Object> outputs = new ArrayList<>();
        for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rule", output.getRuleId());
            result.put(name(output.getVariableName(), output.getClauseId()), text(output.getValue()));
            outputs.add(result);
        }
        return outputs;
    }

    /** The value as a reader sees it: text, number, date, or the JSON of a serialised object. */
    static String value(HistoricVariableUpdateEventEntity variable) {
        String serializer = variable.getSerializerName() == null ? "" : variable.getSerializerName();
        if (variable.getByteValue() != null) {
            return limit(utf8(variable.getByteValue()));
        }
        if (serializer.equals("date") && variable.getLongValue() != null) {
            return Instant.ofEpochMilli(variable.getLongValue()).toString();
        }
        if (serializer.equals("boolean") && variable.getLongValue() != null) {
            return Boolean.toString(variable.getLongValue() != 0);
        }
        if (variable.getTextValue() != null) {
            return limit(variable.getTextValue());
        }
        if (variable.getLongValue() != null) {
            return variable.getLongValue().toString();
        }
        if (variable.getDoubleValue() != null) {
            return variable.getDoubleValue().toString();
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : limit(value.toString());
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "(binair, " + bytes.length + " bytes)";
        }
    }

    private static String limit(String text) {
        return text.length() <= VALUE_LIMIT ? text : text.substring(0, VALUE_LIMIT) + "… (" + text.length() + " tekens)";
    }
}
