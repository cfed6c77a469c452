package nl.doorbraak.request;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the body of {@code POST /api/v1/requests} as one schema per kind of request
 * (RuleChangeRequest, BudgetPoolingRequest, JoinRequest), chosen by {@code kind}. The schemas are generated
 * from the same rules that validate a submission.
 */
@Component
class RequestBodySchemas implements OpenApiCustomizer {

    private static final Map<RequestKind, String> NAMES = Map.of(
            RequestKind.RULE_CHANGE, "RuleChangeRequest", RequestKind.BUDGET_POOLING, "BudgetPoolingRequest",
            RequestKind.JOIN, "JoinRequest");

    private final List<SubmissionRules> rules;

    RequestBodySchemas(List<SubmissionRules> rules) {
        this.rules = rules;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        Schema<Object> oneOf = new Schema<>();
        Discriminator discriminator = new Discriminator().propertyName("kind");
        for (SubmissionRules kindRules : rules) {
            String name = NAMES.get(kindRules.kind());
            Schema<Object> schema = kindRules.schema().describe();
            schema.setDescription("Een " + kindRules.kind().dutchName() + ".");
            schema.getProperties().put("kind", new StringSchema()._enum(List.of(kindRules.kind().code()))
                    .description("Soort verzoek"));
            schema.addRequiredItem("kind");
            openApi.getComponents().addSchemas(name, schema);
            oneOf.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + name));
            discriminator.mapping(kindRules.kind().code(), "#/components/schemas/" + name);
        }
        oneOf.discriminator(discriminator);
        PathItem requests = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/requests");
        Operation submit = requests == null ? null : requests.getPost();
        if (submit != null) {
            submit.setRequestBody(new RequestBody().required(true).content(new Content()
                    .addMediaType("application/json", new MediaType().schema(oneOf))));
        }
    }
}
