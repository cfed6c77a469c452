package nl.doorbraak.decision;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;

/**
 * Earlier decisions on a national rule, for whoever drafts or assesses a request about it: every
 * signed-in role, and from every municipality on purpose, since a precedent holds no personal
 * data and nothing else of the case it comes from ({@link Precedent}). As a body
 * ({@code POST /api/v1/requests/precedents}, next to the submission it prepares) and as a query.
 */
@RestController
@RequestMapping(produces = "application/json")
@Tag(name = "Precedents", description = "Earlier decisions on the same national rule")
class PrecedentController {

    /** The rule as the answer repeats it: the catalogue entry and its official publication. */
    record Rule(String id, String bwbId, String name, String url) {
    }

    /** The precedents for a rule and article: those on the same article first, newest first within each. */
    record PrecedentList(Rule nationalRule, String article, List<Precedent> items) {
    }

    private final Precedents precedents;
    private final NationalRules nationalRules;
    private final InputSchema schema;

    PrecedentController(Precedents precedents, NationalRules nationalRules) {
        this.precedents = precedents;
        this.nationalRules = nationalRules;
        this.schema = InputSchema.builder()
                .choice("nationalRule", "Regeling uit de catalogus", true, nationalRules::choices)
                .text("article", "Artikel", false, 100)
                .build();
    }

    @PostMapping(path = "/api/v1/requests/precedents", consumes = "application/json")
    @Operation(summary = "Earlier decisions on a national rule, while drafting a request (every signed-in role)",
            description = "Body {\"nationalRule\": catalogue id (required), \"article\": as written (optional)}. "
                    + "Decisions from every municipality, without personal data; those on the same article first, "
                    + "newest first, at most " + Precedents.MAXIMUM + ". Every validation error is reported at once.")
    PrecedentList search(@RequestBody Map<String, ?> body) {
        return answer(schema.validate(body, true));
    }

    @GetMapping("/api/v1/precedents")
    @Operation(summary = "Earlier decisions on a national rule (every signed-in role)",
            description = "Query parameters nationalRule (catalogue id, required) and article (optional); "
                    + "the same answer as POST /api/v1/requests/precedents.")
    PrecedentList query(@RequestParam Map<String, String> parameters) {
        return answer(schema.validateQuery(parameters));
    }

    private PrecedentList answer(Values values) {
        NationalRule rule = nationalRules.find(values.text("nationalRule")).orElseThrow();
        return new PrecedentList(new Rule(rule.id(), rule.bwbId(), rule.name(), rule.url()), values.text("article"),
                precedents.on(rule.id(), values.text("article"), null));
    }
}
