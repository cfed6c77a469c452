package nl.doorbraak.reference;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorbraak.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Reference data", description = "Municipalities, focus areas, ministries and rule domains of the programme")
class ReferenceController {

    private final ReferenceData referenceData;

    ReferenceController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "The municipalities of the programme")
    List<Municipality> municipalities() {
        return referenceData.municipalities();
    }

    @GetMapping("/municipalities/{code}")
    @Operation(summary = "One municipality by its CBS code")
    Municipality municipality(@PathVariable String code) {
        return found(referenceData.municipality(code), "Gemeente", code);
    }

    @GetMapping("/focus-areas")
    @Operation(summary = "The focus areas, optionally of one municipality")
    List<FocusArea> focusAreas(@RequestParam(required = false) String municipality) {
        return municipality == null ? referenceData.focusAreas() : referenceData.focusAreasOf(municipality);
    }

    @GetMapping("/focus-areas/{code}")
    @Operation(summary = "One focus area")
    FocusArea focusArea(@PathVariable String code) {
        return found(referenceData.focusArea(code), "Focusgebied", code);
    }

    @GetMapping("/ministries")
    @Operation(summary = "The ministries")
    List<Ministry> ministries() {
        return referenceData.ministries();
    }

    @GetMapping("/ministries/{code}")
    @Operation(summary = "One ministry")
    Ministry ministry(@PathVariable String code) {
        return found(referenceData.ministry(code), "Ministerie", code);
    }

    @GetMapping("/rule-domains")
    @Operation(summary = "The rule domains and the ministry that owns each")
    List<RuleDomain> ruleDomains() {
        return referenceData.ruleDomains();
    }

    @GetMapping("/rule-domains/{code}")
    @Operation(summary = "One rule domain")
    RuleDomain ruleDomain(@PathVariable String code) {
        return found(referenceData.ruleDomain(code), "Regeldomein", code);
    }

    @GetMapping("/regulations")
    @Operation(summary = "The earmarked budgets a municipality can ask to pool, and the ministry that owns each")
    List<Regulation> regulations() {
        return referenceData.regulations();
    }

    @GetMapping("/regulations/{code}")
    @Operation(summary = "One earmarked budget")
    Regulation regulation(@PathVariable String code) {
        return found(referenceData.regulation(code), "Regeling", code);
    }

    private static <T> T found(Optional<T> value, String what, String code) {
        return value.orElseThrow(() -> NotFoundException.ofSharedData(what + " '" + code + "' bestaat niet."));
    }
}
