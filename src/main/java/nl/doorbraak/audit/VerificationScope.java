package nl.doorbraak.audit;

import nl.doorbraak.platform.CaseClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a verification covers: every chain, one chain (a case reference or {@code system}), or
 * the chains that have entries in a period [from, to) — each of those whole, from its first
 * entry, because a chain can only be checked from its start. Either end of a period may be open.
 */
public record VerificationScope(Kind kind, String chain, Instant from, Instant to) {

    /** The kind of scope, as {@code all}, {@code chain} or {@code period} in JSON. */
    public enum Kind {
        ALL, CHAIN, PERIOD;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(CaseClock.DUTCH_TIME);

    public static VerificationScope all() {
        return new VerificationScope(Kind.ALL, null, null, null);
    }

    public static VerificationScope chain(String chain) {
        return new VerificationScope(Kind.CHAIN, chain, null, null);
    }

    public static VerificationScope period(Instant from, Instant to) {
        return new VerificationScope(Kind.PERIOD, null, from, to);
    }

    /** The scope as one token: {@code all}, the chain, or an ISO 8601 interval with {@code ..} for an open end. */
    public String id() {
        return switch (kind) {
            case ALL -> "all";
            case CHAIN -> chain;
            case PERIOD -> (from == null ? ".." : from.toString()) + "/" + (to == null ? ".." : to.toString());
        };
    }

    /** The scope in Dutch. */
    public String display() {
        return switch (kind) {
            case ALL -> "Alle ketens";
            case CHAIN -> "Keten " + chain;
            case PERIOD -> "Ketens met regels " + (from == null ? "" : "vanaf " + DUTCH.format(from))
                    + (from != null && to != null ? " " : "") + (to == null ? "" : "tot " + DUTCH.format(to));
        };
    }
}
