package nl.doorbraak.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the reference data, for the API and for other modules. */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> municipalities() {
        return jdbc.sql("SELECT code, name, official_name FROM municipality ORDER BY name, code")
                .query(Municipality.class).list();
    }

    public Optional<Municipality> municipality(String code) {
        return jdbc.sql("SELECT code, name, official_name FROM municipality WHERE code = ?")
                .param(code).query(Municipality.class).optional();
    }

    public List<FocusArea> focusAreas() {
        return jdbc.sql("SELECT code, name, municipality_code FROM focus_area ORDER BY name, code")
                .query(FocusArea.class).list();
    }

    public List<FocusArea> focusAreasOf(String municipalityCode) {
        return jdbc.sql("SELECT code, name, municipality_code FROM focus_area WHERE municipality_code = ? ORDER BY name, code")
                .param(municipalityCode).query(FocusArea.class).list();
    }

    public Optional<FocusArea> focusArea(String code) {
        return jdbc.sql("SELECT code, name, municipality_code FROM focus_area WHERE code = ?")
                .param(code).query(FocusArea.class).optional();
    }

    public List<Ministry> ministries() {
        return jdbc.sql("SELECT code, abbreviation, name FROM ministry ORDER BY code")
                .query(Ministry.class).list();
    }

    public Optional<Ministry> ministry(String code) {
        return jdbc.sql("SELECT code, abbreviation, name FROM ministry WHERE code = ?")
                .param(code).query(Ministry.class).optional();
    }

    public List<RuleDomain> ruleDomains() {
        return jdbc.sql("SELECT code, name, typical_rules, ministry_code FROM rule_domain ORDER BY code")
                .query(RuleDomain.class).list();
    }

    public Optional<RuleDomain> ruleDomain(String code) {
        return jdbc.sql("SELECT code, name, typical_rules, ministry_code FROM rule_domain WHERE code = ?")
                .param(code).query(RuleDomain.class).optional();
    }

    public List<Regulation> regulations() {
        return jdbc.sql("SELECT code, name, ministry_code FROM regulation ORDER BY ministry_code, code")
                .query(Regulation.class).list();
    }

    public Optional<Regulation> regulation(String code) {
        return jdbc.sql("SELECT code, name, ministry_code FROM regulation WHERE code = ?")
                .param(code).query(Regulation.class).optional();
    }
}
