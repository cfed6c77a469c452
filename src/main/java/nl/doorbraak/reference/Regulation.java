package nl.doorbraak.reference;

/** An earmarked national budget (usually a specific grant) and the ministry that owns it. */
public record Regulation(String code, String name, String ministryCode) {
}
