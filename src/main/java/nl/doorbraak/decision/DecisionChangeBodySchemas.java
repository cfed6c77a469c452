package nl.doorbraak.decision;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the bodies of amending and revoking a decision, generated from the rules that check
 * them: the decision form's (of a rule-change request; a budget pooling's adds {@code grantedLines})
 * plus the version changed and the reason.
 */
@Component
class DecisionChangeBodySchemas implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/requests/{reference}/decision/";

    private final DecisionForms forms;

    DecisionChangeBodySchemas(DecisionForms forms) {
        this.forms = forms;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Schema<Object> change = DecisionChanges.changeSchema().describe();
        Schema<Object> amendment = forms.rulesFor(DecisionTasks.DECIDE, null).orElseThrow().describe()
                .description("Het hele besluit opnieuw, met de velden en regels van het besluitformulier (bij "
                        + "budgetbundeling ook grantedLines bij een gedeeltelijke toekenning), de versie die wordt "
                        + "gewijzigd en de reden.");
        if (change.getProperties() != null) {
            change.getProperties().forEach(amendment::addProperty);
        }
        if (change.getRequired() != null) {
            change.getRequired().forEach(amendment::addRequiredItem);
        }
        openApi.getComponents().addSchemas("DecisionAmendment", amendment);
        openApi.getComponents().addSchemas("DecisionRevocation",
                change.description("De versie die wordt ingetrokken en de reden."));
        if (openApi.getPaths() != null) {
            body(openApi.getPaths().get(PATH + "amendments"), "DecisionAmendment");
            body(openApi.getPaths().get(PATH + "revocation"), "DecisionRevocation");
        }
    }

    private static void body(PathItem path, String schema) {
        Operation operation = path == null ? null : path.getPost();
        if (operation != null) {
            operation.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                    "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)))));
        }
    }
}
