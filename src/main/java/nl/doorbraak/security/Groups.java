package nl.doorbraak.security;

import java.util.Optional;

/** The group ids that carry the programme's roles (README, "Who uses it"). */
public final class Groups {

    public static final String PROGRAMME_OFFICE = "programme-office";
    public static final String PROGRAMME_DIRECTOR = "programme-director";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "camunda-admin";

    private static final String MUNICIPALITY_PREFIX = "municipality-";
    private static final String MINISTRY_PREFIX = "ministry-";
    private static final String LEAD_SUFFIX = "-lead";

    private Groups() {
    }

    public static String municipality(String cbsCode) {
        return MUNICIPALITY_PREFIX + cbsCode;
    }

    public static String ministry(String ministryCode) {
        return MINISTRY_PREFIX + ministryCode;
    }

    public static String ministryLead(String ministryCode) {
        return MINISTRY_PREFIX + ministryCode + LEAD_SUFFIX;
    }

    /** The CBS code of a municipality group, e.g. {@code 0599} for {@code municipality-0599}. */
    public static Optional<String> municipalityCodeOf(String groupId) {
        return groupId.startsWith(MUNICIPALITY_PREFIX)
                ? Optional.of(groupId.substring(MUNICIPALITY_PREFIX.length()))
                : Optional.empty();
    }

    /** The ministry code of a reviewer or lead group. */
    public static Optional<String> ministryCodeOfAnyGroup(String groupId) {
        if (!groupId.startsWith(MINISTRY_PREFIX)) {
            return Optional.empty();
        }
        String rest = groupId.substring(MINISTRY_PREFIX.length());
        return Optional.of(rest.endsWith(LEAD_SUFFIX) ? rest.substring(0, rest.length() - LEAD_SUFFIX.length()) : rest);
    }

    /** The ministry code of a reviewer group, e.g. {@code szw} for {@code ministry-szw}; leads excluded. */
    public static Optional<String> ministryCodeOf(String groupId) {
        return groupId.startsWith(MINISTRY_PREFIX) && !groupId.endsWith(LEAD_SUFFIX)
                ? Optional.of(groupId.substring(MINISTRY_PREFIX.length()))
                : Optional.empty();
    }
}
