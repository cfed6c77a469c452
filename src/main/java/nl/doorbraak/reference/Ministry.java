package nl.doorbraak.reference;

/** A ministry; its code names the reviewer group {@code ministry-<code>}. */
public record Ministry(String code, String abbreviation, String name) {
}
