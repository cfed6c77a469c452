package nl.doorbraak.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the reference data, for the API and for other modules. The tables change only
 * with a release (their Flyway migrations), so they are read once per process, at first use, and
 * served from memory: a case looked them up about thirty times, a database round trip each
 * (docs/benchmarks.md, scenario 1). Lists keep the database's order.
 */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All reference data as read at one moment, with an index by code for each table. */
    private record Snapshot(List<Municipality> municipalities, Map<String, Municipality> municipalityByCode,
                            List<FocusArea> focusAreas, Map<String, FocusArea> focusAreaByCode,
                            List<Ministry> ministries, Map<String, Ministry> ministryByCode,
                            List<RuleDomain> ruleDomains, Map<String, RuleDomain> ruleDomainByCode,
                            List<Regulation> regulations, Map<String, Regulation> regulationByCode) {
    }

    public List<Municipality> municipalities() {
        return snapshot().municipalities();
    }

    public Optional<Municipality> municipality(String code) {
        return find(snapshot().municipalityByCode(), code);
    }

    public List<FocusArea> focusAreas() {
        return snapshot().focusAreas();
    }

    public List<FocusArea> focusAreasOf(String municipalityCode) {
        return snapshot().focusAreas().stream().filter(area -> area.municipalityCode().equals(municipalityCode))
                .toList();
    }

    public Optional<FocusArea> focusArea(String code) {
        return find(snapshot().focusAreaByCode(), code);
    }

    public List<Ministry> ministries() {
        return snapshot().ministries();
    }

    public Optional<Ministry> ministry(String code) {
        return find(snapshot().ministryByCode(), code);
    }

    public List<RuleDomain> ruleDomains() {
        return snapshot().ruleDomains();
    }

    public Optional<RuleDomain> ruleDomain(String code) {
        return find(snapshot().ruleDomainByCode(), code);
    }

    /** Focus area code to name: the choices of a form field. */
    public Map<String, String> focusAreaChoices() {
        return choices(focusAreas(), FocusArea::code, FocusArea::name);
    }

    /** Ministry code to abbreviation ("SZW"): the choices of a form field. */
    public Map<String, String> ministryChoices() {
        return choices(ministries(), Ministry::code, Ministry::abbreviation);
    }

    /** Rule domain code to name: the choices of a form field. */
    public Map<String, String> ruleDomainChoices() {
        return choices(ruleDomains(), RuleDomain::code, RuleDomain::name);
    }

    /** The ministry's abbreviation ("SZW"), or the code when it is unknown. */
    public String abbreviation(String ministryCode) {
        return ministry(ministryCode).map(Ministry::abbreviation).orElse(ministryCode);
    }

    private static <T> Map<String, String> choices(List<T> items, java.util.function.Function<T, String> code,
                                                   java.util.function.Function<T, String> label) {
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        items.forEach(item -> choices.put(code.apply(item), label.apply(item)));
        return choices;
    }

    public List<Regulation> regulations() {
        return snapshot().regulations();
    }

    public Optional<Regulation> regulation(String code) {
        return find(snapshot().regulationByCode(), code);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            // two threads may both read the tables the first time; both get the same data
            current = read();
            snapshot = current;
        }
        return current;
    }

    private Snapshot read() {
        List<Municipality> municipalities = jdbc.sql("SELECT code, name, official_name FROM municipality ORDER BY name, code")
                .query(Municipality.class).list();
        List<FocusArea> focusAreas = jdbc.sql("SELECT code, name, municipality_code FROM focus_area ORDER BY name, code")
                .query(FocusArea.class).list();
        List<Ministry> ministries = jdbc.sql("SELECT code, abbreviation, name FROM ministry ORDER BY code")
                .query(Ministry.class).list();
        List<RuleDomain> ruleDomains = jdbc.sql("SELECT code, name, typical_rules, ministry_code FROM rule_domain ORDER BY code")
                .query(RuleDomain.class).list();
        List<Regulation> regulations = jdbc.sql("SELECT code, name, ministry_code FROM regulation ORDER BY ministry_code, code")
                .query(Regulation.class).list();
        return new Snapshot(List.copyOf(municipalities), byCode(municipalities, Municipality::code),
                List.copyOf(focusAreas), byCode(focusAreas, FocusArea::code),
                List.copyOf(ministries), byCode(ministries, Ministry::code),
                List.copyOf(ruleDomains), byCode(ruleDomains, RuleDomain::code),
                List.copyOf(regulations), byCode(regulations, Regulation::code));
    }

    /** As the query by code did: no code, no row (an immutable map refuses to look up null). */
    private static <T> Optional<T> find(Map<String, T> byCode, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        return rows.stream().collect(Collectors.toUnmodifiableMap(code, Function.identity()));
    }
}
