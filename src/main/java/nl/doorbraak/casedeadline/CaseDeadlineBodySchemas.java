package nl.doorbraak.casedeadline;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the bodies of suspending, resuming and extending a case deadline, generated from the rules that check them. */
@Component
class CaseDeadlineBodySchemas implements OpenApiCustomizer {

    private static final String PATH = "/api/v1/requests/{reference}/case-deadline/";

    @Override
    public void customise(OpenAPI openApi) {
        CaseDeadlines.bodyRules().forEach((change, rules) -> {
            String name = "CaseDeadline" + Character.toUpperCase(change.charAt(0)) + change.substring(1);
            openApi.getComponents().addSchemas(name, rules.describe());
            PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH + change);
            Operation operation = path == null ? null : path.getPost();
            if (operation != null) {
                operation.setRequestBody(new RequestBody().required(!"resumption".equals(change)).content(new Content()
                        .addMediaType("application/json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + name)))));
            }
        });
    }
}
