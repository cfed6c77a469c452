package nl.doorbraak.catalogue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * The catalogue of national rules: everyone who may use the API reads it (a municipality picks
 * its rule from it); only the programme office adds and corrects entries.
 */
@RestController
@RequestMapping(path = "/api/v1/national-rules", produces = "application/json")
@Tag(name = "National rules", description = "The catalogue of national regulations by their BWB identifier")
class NationalRuleController {

    /** An entry as the API shows it; {@code version} is what a change must name. */
    record Entry(String id, String bwbId, String name, String abbreviation, String ministry, List<String> ruleDomains,
                 String url, int version) {

        static Entry of(NationalRule rule, int version) {
            return new Entry(rule.id(), rule.bwbId(), rule.name(), rule.abbreviation(), rule.ministryCode(),
                    rule.ruleDomains(), rule.url(), version);
        }
    }

    private final NationalRules rules;
    private final CatalogueMaintenance maintenance;
    private final InputSchema filters;

    NationalRuleController(NationalRules rules, CatalogueMaintenance maintenance, ReferenceData referenceData) {
        this.rules = rules;
        this.maintenance = maintenance;
        this.filters = InputSchema.builder()
                .choice("ministry", "Ministerie", false, referenceData::ministryChoices)
                .choice("domain", "Regeldomein", false, referenceData::ruleDomainChoices)
                .build();
    }

    @GetMapping
    @Operation(summary = "The catalogue, in name order; ministry=<code> and domain=<rule domain code> narrow it")
    List<Entry> list(@RequestParam Map<String, String> parameters) {
        Values values = filters.validateQuery(parameters);
        Map<String, Integer> versions = maintenance.versions();
        return rules.list(values.text("ministry"), values.text("domain")).stream()
                .map(rule -> Entry.of(rule, versions.getOrDefault(rule.id(), 0))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One entry of the catalogue, with its link to wetten.overheid.nl")
    Entry get(@PathVariable String id) {
        NationalRule rule = rules.find(id).orElseThrow(() -> CatalogueMaintenance.notFound(id));
        return Entry.of(rule, maintenance.versionOf(id));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Add an entry (programme office)",
            description = "Every validation error at once; 409 when the id or the BWB identifier is in the catalogue already.")
    ResponseEntity<Entry> add(@AuthenticationPrincipal DoorbraakUser user, @RequestBody Map<String, Object> body) {
        requireProgrammeOffice(user);
        NationalRule rule = maintenance.add(body, user.id());
        return ResponseEntity.created(URI.create("/api/v1/national-rules/" + rule.id())).body(Entry.of(rule, 0));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Correct an entry (programme office)",
            description = "The body holds every field but the id, and the version the change is based on; "
                    + "409 when the entry changed in between or the BWB identifier belongs to another entry.")
    Entry change(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String id,
                 @RequestBody Map<String, Object> body) {
        requireProgrammeOffice(user);
        NationalRule rule = maintenance.change(id, body, user.id());
        return Entry.of(rule, maintenance.versionOf(id));
    }

    private static void requireProgrammeOffice(DoorbraakUser user) {
        if (!user.isMemberOf(Groups.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("Only the programme office maintains the catalogue");
        }
    }
}
