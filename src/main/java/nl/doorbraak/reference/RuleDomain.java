package nl.doorbraak.reference;

/** A domain of national rules and the ministry that owns it, which is where routing starts. */
public record RuleDomain(String code, String name, String typicalRules, String ministryCode) {
}
