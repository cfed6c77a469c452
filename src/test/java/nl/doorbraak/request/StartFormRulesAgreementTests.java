package nl.doorbraak.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.security.FormFields;
import nl.doorbraak.support.DeployedForms;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * Every start form of a deployed process and the server's rules for it agree: each field the
 * form submits is read and checked by {@link RegisterRequest} with the rules of its kind, and
 * each field those rules require is in the form. A field added to a start form without a rule
 * fails here (and Tasklist's engine API refuses it, security.WebappWriteRules).
 */
@PostgresIntegrationTest
class StartFormRulesAgreementTests {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RequestSubmission submission;

    @Test
    void everyStartFormFieldHasARuleAndEveryRequiredRuleAField() {
        Set<String> checked = new HashSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            for (StartEvent start : repositoryService.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(StartEvent.class)) {
                String formRef = start.getCamundaFormRef();
                if (formRef == null) {
                    continue;
                }
                RequestKind kind = RequestKind.ofProcessKey(definition.getKey()).orElseThrow(() -> new AssertionError(
                        definition.getKey() + " has a start form but RegisterRequest knows no rules for it"));
                JsonNode form = DeployedForms.of(repositoryService, definition.getDeploymentId(), formRef);
                InputSchema rules = submission.rulesOf(kind).schema();
                Schema<?> described = rules.describe();
                Set<String> fields = FormFields.names(form);

                assertThat(RegisterRequest.startFormVariables(kind, rules)).as("rules read by %s", formRef)
                        .containsAll(fields);
                Set<String> required = new LinkedHashSet<>(described.getRequired());
                if (kind == RequestKind.BUDGET_POOLING) {
                    // the form's fixed budget line groups stand for the API's list
                    required.remove("budgetLines");
                    assertThat(fields).containsAll(RegisterRequest.START_FORM_BUDGET_LINES);
                    Set<String> lineRules = ((Schema<?>) described.getProperties().get("budgetLines")).getItems()
                            .getProperties().keySet();
                    FormFields.of(form).stream().filter(FormFields.Field::holdsFields).forEach(group ->
                            assertThat(group.insideNames()).as("fields of %s in %s", group.name(), formRef)
                                    .isEqualTo(lineRules));
                }
                assertThat(fields).as("fields of %s", formRef).containsAll(required);
                checked.add(definition.getKey());
            }
        }
        assertThat(checked).containsExactlyInAnyOrder(
                java.util.Arrays.stream(RequestKind.values()).map(RequestKind::processKey).toArray(String[]::new));
    }
}
