package nl.doorbraak.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the catalogue. Unlike the reference data it is not cached: the programme office
 * maintains it while the system runs, and it is a table of a few dozen rows.
 */
@Service
public class NationalRules {

    private final JdbcClient jdbc;

    NationalRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The catalogue in name order, narrowed to one ministry and/or one rule domain when given. */
    public List<NationalRule> list(String ministryCode, String ruleDomainCode) {
        return all().stream()
                .filter(rule -> ministryCode == null || rule.ministryCode().equals(ministryCode))
                .filter(rule -> ruleDomainCode == null || rule.ruleDomains().contains(ruleDomainCode))
                .toList();
    }

    public List<NationalRule> all() {
        Map<String, List<String>> domains = new LinkedHashMap<>();
        jdbc.sql("SELECT national_rule_id, rule_domain_code FROM national_rule_domain ORDER BY national_rule_id, rule_domain_code")
                .query((rs, row) -> domains.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("SELECT id, bwb_id, name, abbreviation, ministry_code FROM national_rule ORDER BY name, id")
                .query((rs, row) -> new NationalRule(rs.getString("id"), rs.getString("bwb_id"), rs.getString("name"),
                        rs.getString("abbreviation"), rs.getString("ministry_code"),
                        domains.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    public Optional<NationalRule> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return all().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /**
     * Holds the entry's row until the transaction ends, so that decisions about the requests on one
     * rule (is this a recurring obstacle?) are taken one after the other, never on a stale count.
     */
    public void lock(String id) {
        jdbc.sql("SELECT id FROM national_rule WHERE id = ? FOR UPDATE").param(id).query(String.class).list();
    }

    /** Catalogue id to label: the choices of a form field. */
    public Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        all().forEach(rule -> choices.put(rule.id(), rule.label()));
        return choices;
    }

    /**
     * An article as a comparable key: "art. 19a en 22a", "Artikel 19a en 22a" and "19A en 22A"
     * all become "19a en 22a", so requests that name the same article in other words match.
     */
    public static String articleKey(String article) {
        if (article == null) {
            return null;
        }
        String key = article.trim().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("^(artikelen|artikel|arts?\\.)\\s*", "")
                .replaceAll("\\s+", " ");
        return key.isEmpty() ? null : key;
    }
}
