package nl.doorbraak.reference;

/** A municipality of the programme, identified by its CBS code (e.g. {@code 0599}, Rotterdam). */
public record Municipality(String code, String name, String officialName) {
}
