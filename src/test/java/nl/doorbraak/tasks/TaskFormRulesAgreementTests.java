package nl.doorbraak.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.security.FormFields;
import nl.doorbraak.support.DeployedForms;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * Every user task of a deployed process has server-side rules ({@link TaskForms}, run by
 * {@link TaskInput} on completion) for exactly the fields its Camunda Form submits, and a list's
 * rows for the fields inside it. A field added to a form without a rule fails here (and
 * Tasklist's engine API refuses it, security.WebappWriteRules); so does a rule for a field the
 * form does not have.
 */
@PostgresIntegrationTest
class TaskFormRulesAgreementTests {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskForms taskForms;

    @Test
    void everyTaskFormSubmitsExactlyTheFieldsItsRulesCheck() {
        Set<String> checked = new HashSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(UserTask.class)) {
                String formRef = task.getCamundaFormRef();
                assertThat(formRef).as("form of %s in %s", task.getId(), definition.getKey()).isNotNull();
                JsonNode form = DeployedForms.of(repositoryService, definition.getDeploymentId(), formRef);
                InputSchema rules = taskForms.schemaFor(task.getId(), UUID.randomUUID()).orElseThrow(() ->
                        new AssertionError("no rules for " + task.getId() + " (" + formRef + ")"));

                assertThat(FormFields.names(form)).as("fields of %s for %s", formRef, task.getId())
                        .isEqualTo(rules.keys());
                Schema<?> described = rules.describe();
                for (FormFields.Field list : FormFields.of(form)) {
                    if (list.holdsFields()) {
                        Schema<?> rows = ((Schema<?>) described.getProperties().get(list.name())).getItems();
                        assertThat(rows.getProperties().keySet()).as("rules of the rows of %s in %s", list.name(), formRef)
                                .containsAll(list.insideNames());
                        assertThat(list.insideNames()).as("fields of %s in %s", list.name(), formRef)
                                .containsAll(rows.getRequired() == null ? java.util.List.of() : rows.getRequired());
                    }
                }
                checked.add(task.getId());
            }
        }
        assertThat(checked).contains("Task_Intake", "Task_Assess", "Task_Decide", "Task_DecidePooling", "Task_CoSign");
    }
}
