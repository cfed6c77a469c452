package nl.doorbraak.platform;

/** The version of the public API, sent in the {@code API-Version} header (NL GOV API Design Rules). */
public final class ApiVersion {

    public static final String HEADER = "API-Version";
    public static final String CURRENT = "1.0.0";

    private ApiVersion() {
    }
}
