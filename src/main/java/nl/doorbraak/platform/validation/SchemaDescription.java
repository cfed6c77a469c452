package nl.doorbraak.platform.validation;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.EmailSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/** An {@link InputSchema} as an OpenAPI (JSON Schema) object, for the API documentation. */
final class SchemaDescription {

    private static final String AMOUNT_DESCRIPTION = " (euro's, exact, hoogstens twee decimalen): een JSON-getal "
            + "(1500.5) of tekst in Nederlandse schrijfwijze (\"1.500,50\", \"€ 1.500.000,00\") of zonder punten voor "
            + "duizendtallen (\"1500,50\", \"1500.50\"). Eén punt of komma met precies drie cijfers erna (\"1.500\", "
            + "\"1,500\", ook het JSON-getal 1.500) is niet eenduidig en wordt geweigerd, net als Engelse schrijfwijze "
            + "(\"1,500.00\").";

    private SchemaDescription() {
    }

    /**
     * The schema as an OpenAPI (JSON Schema) object, for the API documentation: generated from
     * the same rules that validate, so the two cannot drift apart. Rules over several fields and
     * conditional fields are described in words only.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<Object> of(List<InputField> fields) {
        Schema<Object> object = new ObjectSchema();
        object.setAdditionalProperties(false);
        for (InputField field : fields) {
            if (object.getProperties() != null && object.getProperties().containsKey(field.key())) {
                continue;
            }
            Schema property = switch (field.kind()) {
                case TEXT -> new StringSchema().maxLength(field.maxLength());
                case EMAIL -> new EmailSchema();
                case CHOICE -> new StringSchema()._enum(List.copyOf(field.allowed().get().keySet()));
                case CHOICES -> new ArraySchema().items(
                        new StringSchema()._enum(List.copyOf(field.allowed().get().keySet())))
                        .uniqueItems(true);
                case INTEGER -> new IntegerSchema().minimum(BigDecimal.valueOf(field.min()))
                        .maximum(BigDecimal.valueOf(field.max()));
                case INTEGERS -> new ArraySchema().items(
                        new IntegerSchema().minimum(BigDecimal.valueOf(field.min()))
                                .maximum(BigDecimal.valueOf(field.max())))
                        .uniqueItems(true);
                case DATE -> new DateSchema();
                case AMOUNT -> new Schema<>().oneOf(List.of(
                        new NumberSchema().multipleOf(new BigDecimal("0.01")).minimum(BigDecimal.ZERO)
                                .exclusiveMinimum(field.min() > 0).maximum(field.maxAmount()),
                        new StringSchema().pattern(Amounts.PATTERN)));
                case ROWS -> new ArraySchema().items(field.rows().describe())
                        .minItems(1).maxItems((int) field.max());
            };
            property.setDescription(field.label() + (field.kind() == InputField.Kind.AMOUNT ? AMOUNT_DESCRIPTION : ""));
            object.addProperty(field.key(), property);
            if (field.alwaysRequired()) {
                object.addRequiredItem(field.key());
            }
        }
        return object;
    }

}
