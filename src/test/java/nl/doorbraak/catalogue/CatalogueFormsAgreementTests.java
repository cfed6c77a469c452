package nl.doorbraak.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.support.DeployedForms;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * Tasklist's forms cannot ask the server for their options, so the catalogue's entries are in the
 * start form and the intake form as fixed options. They must be the catalogue the database holds
 * (entries the programme office adds later can be named in words at submission and linked through
 * the task API): when they differ, the failure shows the options to paste into the form.
 */
@PostgresIntegrationTest
class CatalogueFormsAgreementTests {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    NationalRules nationalRules;

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"rule-change-request, rule-change-request-start, Staat niet in de catalogus",
            "rule-change-request, intake, Niet in de catalogus"})
    void theFormsOptionsAreTheCatalogue(String processKey, String formRef, String noEntry) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        JsonNode select = find(DeployedForms.of(repositoryService, definition.getDeploymentId(), formRef)
                .path("components"), "nationalRule");
        assertThat(select).as("the nationalRule field of %s", formRef).isNotNull();
        assertThat(select.path("type").asText()).isEqualTo("select");

        Map<String, String> options = new LinkedHashMap<>();
        select.path("values").forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
        assertThat(options.remove("")).as("the choice for a rule outside the catalogue").isEqualTo(noEntry);
        Map<String, String> catalogue = nationalRules.choices();
        assertThat(options).as("""
                the options of %s are the catalogue; its "values" after the first should be:
                %s""", formRef, values(catalogue)).isEqualTo(catalogue);
    }

    private static String values(Map<String, String> catalogue) {
        return catalogue.entrySet().stream()
                .map(entry -> "{\"label\": \"" + entry.getValue() + "\", \"value\": \"" + entry.getKey() + "\"}")
                .collect(Collectors.joining(",\n"));
    }

    private static JsonNode find(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
            JsonNode nested = find(component.path("components"), key);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
