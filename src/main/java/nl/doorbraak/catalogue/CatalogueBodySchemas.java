package nl.doorbraak.catalogue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the bodies of adding and correcting an entry, generated from the rules that check them. */
@Component
class CatalogueBodySchemas implements OpenApiCustomizer {

    private final CatalogueMaintenance maintenance;

    CatalogueBodySchemas(CatalogueMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Schema<Object> addition = maintenance.additionSchema().describe().description("Een nieuwe regeling in de catalogus.");
        Schema<Object> change = maintenance.changeSchema().describe()
                .description("Alle velden van de regeling behalve de id, met de versie waarop de wijziging berust.");
        openApi.getComponents().addSchemas("NationalRuleAddition", addition);
        openApi.getComponents().addSchemas("NationalRuleChange", change);
        body(openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/national-rules"), true, "NationalRuleAddition");
        body(openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/national-rules/{id}"), false, "NationalRuleChange");
    }

    private static void body(PathItem path, boolean post, String schema) {
        Operation operation = path == null ? null : post ? path.getPost() : path.getPut();
        if (operation != null) {
            operation.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                    "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)))));
        }
    }
}
