package nl.doorbraak.support;

/** Demo identities the tests log in as (see the README's table of demo users). */
public final class TestUsers {

    public static final String PASSWORD = "demo";

    public static final String ROTTERDAM = "rotterdam";
    public static final String AMSTERDAM = "amsterdam";
    public static final String REVIEWER_SZW = "reviewer-szw";
    public static final String REVIEWER_VWS = "reviewer-vws";
    public static final String LEAD_SZW = "lead-szw";
    public static final String PROGRAMME_OFFICE = "programme-office";
    public static final String PROGRAMME_DIRECTOR = "programme-director";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** One user of every role. */
    public static final String[] ONE_OF_EACH_ROLE = {
            ROTTERDAM, REVIEWER_SZW, LEAD_SZW, PROGRAMME_OFFICE, PROGRAMME_DIRECTOR, AUDITOR, ADMIN};

    private TestUsers() {
    }
}
