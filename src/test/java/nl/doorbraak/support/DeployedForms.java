package nl.doorbraak.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;

/** The Camunda Forms as the engine deployed them, found by the id a model's {@code camunda:formRef} names. */
public final class DeployedForms {

    private DeployedForms() {
    }

    /** The form with this id in the deployment (form-js JSON); fails when there is none. */
    public static JsonNode of(RepositoryService repositoryService, String deploymentId, String formRef) {
        for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (!name.endsWith(".form")) {
                continue;
            }
            try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
                JsonNode form = new ObjectMapper().readTree(in);
                if (formRef.equals(form.path("id").asText())) {
                    return form;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("No form " + formRef + " in deployment " + deploymentId);
    }
}
