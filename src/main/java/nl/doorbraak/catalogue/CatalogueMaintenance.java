package nl.doorbraak.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.reference.ReferenceData;

/**
 * The programme office keeps the catalogue: it adds an entry when an intake meets a regulation
 * that is not in it yet, and corrects one. Each write is checked with one schema (every error at
 * once), refused on a duplicate id or BWB identifier, guarded by the entry's version against a
 * colleague's change in between, and put on the system chain of the audit trail with the values
 * before and after, in the same transaction.
 */
@Service
class CatalogueMaintenance {

    static final Pattern ID = Pattern.compile("[a-z0-9-]{2,64}");
    static final Pattern BWB_ID = Pattern.compile("BWBR\\d{7}");

    private final JdbcClient jdbc;
    private final NationalRules rules;
    private final AuditTrail audit;
    private final InputSchema addition;
    private final InputSchema change;

    CatalogueMaintenance(JdbcClient jdbc, NationalRules rules, AuditTrail audit, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.audit = audit;
        this.addition = entry(InputSchema.builder()
                .text("id", "Id", true, 64)
                .check(values -> pattern(values, "id", ID,
                        "Id bestaat uit 2 tot 64 kleine letters, cijfers en koppeltekens, bijvoorbeeld 'participatiewet'.")),
                referenceData).build();
        this.change = entry(InputSchema.builder(), referenceData)
                .integer("version", "Versie", true, 0, Integer.MAX_VALUE)
                .build();
    }

    /** The fields both an addition and a change have; the builder is left open for the change's version. */
    private static InputSchema.Builder entry(InputSchema.Builder builder, ReferenceData referenceData) {
        return builder
                .text("bwbId", "BWB-identificatie", true, 11)
                .text("name", "Naam", true, 200)
                .text("abbreviation", "Afkorting", false, 32)
                .choice("ministry", "Verantwoordelijk ministerie", true, referenceData::ministryChoices)
                .choices("ruleDomains", "Regeldomeinen", true, referenceData::ruleDomainChoices)
                .check(values -> pattern(values, "bwbId", BWB_ID,
                        "BWB-identificatie is 'BWBR' gevolgd door 7 cijfers, zoals op wetten.overheid.nl: BWBR0015703."));
    }

    /** The rules of an addition, for the API documentation. */
    InputSchema additionSchema() {
        return addition;
    }

    /** The rules of a change, for the API documentation. */
    InputSchema changeSchema() {
        return change;
    }

    private static Optional<FieldError> pattern(Values values, String key, Pattern pattern, String message) {
        String value = values.text(key);
        return value != null && !pattern.matcher(value).matches() ? Optional.of(new FieldError(key, message))
                : Optional.empty();
    }

    /** The version an entry is at now; a change must name it. */
    int versionOf(String id) {
        return jdbc.sql("SELECT version FROM national_rule WHERE id = ?").param(id).query(Integer.class).optional()
                .orElseThrow(() -> notFound(id));
    }

    /** Every entry's version, for a list of the catalogue. */
    Map<String, Integer> versions() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        jdbc.sql("SELECT id, version FROM national_rule").query((rs, row) -> versions.put(rs.getString(1), rs.getInt(2)))
                .list();
        return Collections.unmodifiableMap(versions);
    }

    @Transactional
    NationalRule add(Map<String, ?> input, String userId) {
        Values values = addition.validate(input, true);
        String id = values.text("id");
        List<String> clashes = new ArrayList<>();
        if (rules.find(id).isPresent()) {
            clashes.add("Er staat al een regeling met id '" + id + "' in de catalogus.");
        }
        clashingBwbId(values.text("bwbId"), null).ifPresent(clashes::add);
        if (!clashes.isEmpty()) {
            throw new ConflictException(String.join(" ", clashes));
        }
        NationalRule rule = of(id, values);
        try {
            jdbc.sql("INSERT INTO national_rule (id, bwb_id, name, abbreviation, ministry_code, updated_at, version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 0)")
                    .params(rule.id(), rule.bwbId(), rule.name(), rule.abbreviation(), rule.ministryCode(),
                            CaseClock.now()).update();
        } catch (DuplicateKeyException colleagueWasFirst) {
            throw new ConflictException("Er staat al een regeling met deze id of BWB-identificatie in de catalogus.");
        }
        insertDomains(rule);
        audit.system().by(userId)
                .action(AuditAction.NATIONAL_RULE_ADDED, "Regeling toegevoegd aan de catalogus")
                .resource("national-rule", rule.id(), rule.label())
                .changes(null, auditValues(rule, 0))
                .record();
        return rule;
    }

    @Transactional
    NationalRule change(String id, Map<String, ?> input, String userId) {
        NationalRule before = rules.find(id).orElseThrow(() -> notFound(id));
        Values values = change.validate(input, true);
        int version = values.integer("version").intValue();
        clashingBwbId(values.text("bwbId"), id).ifPresent(clash -> {
            throw new ConflictException(clash);
        });
        NationalRule after = of(id, values);
        int updated;
        try {
            updated = jdbc.sql("UPDATE national_rule SET bwb_id = ?, name = ?, abbreviation = ?, ministry_code = ?, "
                            + "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                    .params(after.bwbId(), after.name(), after.abbreviation(), after.ministryCode(), CaseClock.now(),
                            id, version).update();
        } catch (DuplicateKeyException colleagueWasFirst) {
            throw new ConflictException("Er staat al een regeling met deze BWB-identificatie in de catalogus.");
        }
        if (updated == 0) {
            throw new ConflictException("De regeling is intussen gewijzigd (nu versie " + versionOf(id)
                    + "). Lees haar opnieuw en breng uw wijziging dan aan.");
        }
        jdbc.sql("DELETE FROM national_rule_domain WHERE national_rule_id = ?").param(id).update();
        insertDomains(after);
        audit.system().by(userId)
                .action(AuditAction.NATIONAL_RULE_CHANGED, "Regeling in de catalogus gewijzigd")
                .resource("national-rule", id, after.label())
                .changes(auditValues(before, version), auditValues(after, version + 1))
                .record();
        return after;
    }

    private Optional<String> clashingBwbId(String bwbId, String exceptId) {
        return rules.all().stream()
                .filter(rule -> rule.bwbId().equals(bwbId) && !rule.id().equals(exceptId))
                .findFirst()
                .map(rule -> "BWB-identificatie " + bwbId + " staat al in de catalogus, bij '" + rule.id() + "'.");
    }

    private void insertDomains(NationalRule rule) {
        for (String domain : rule.ruleDomains()) {
            jdbc.sql("INSERT INTO national_rule_domain (national_rule_id, rule_domain_code) VALUES (?, ?)")
                    .params(rule.id(), domain).update();
        }
    }

    private static NationalRule of(String id, Values values) {
        return new NationalRule(id, values.text("bwbId"), values.text("name"), values.text("abbreviation"),
                values.text("ministry"), values.texts("ruleDomains").stream().sorted().toList());
    }

    private static Map<String, Object> auditValues(NationalRule rule, int version) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", rule.id());
        values.put("bwbId", rule.bwbId());
        values.put("name", rule.name());
        values.put("abbreviation", rule.abbreviation());
        values.put("ministry", rule.ministryCode());
        values.put("ruleDomains", rule.ruleDomains());
        values.put("version", version);
        return values;
    }

    static NotFoundException notFound(String id) {
        return NotFoundException.ofSharedData("Regeling '" + id + "' staat niet in de catalogus.");
    }
}
