package nl.doorbraak.catalogue;

import java.util.List;

/**
 * A national regulation in the catalogue, by its identifier in the national legislation register
 * ({@code bwbId}, BWBR + 7 digits), with the ministry responsible for it and the rule domains a
 * request naming it is proposed to fall under.
 */
public record NationalRule(String id, String bwbId, String name, String abbreviation, String ministryCode,
                           List<String> ruleDomains) {

    public NationalRule {
        ruleDomains = ruleDomains == null ? List.of() : List.copyOf(ruleDomains);
    }

    /** The regulation on wetten.overheid.nl, the official publication. */
    public String url() {
        return "https://wetten.overheid.nl/" + bwbId;
    }

    /** The name as a form offers it: "Participatiewet (PW)". */
    public String label() {
        return abbreviation == null ? name : name + " (" + abbreviation + ")";
    }
}
