package nl.doorbraak.reference;

/** A focus area (focusgebied) of the programme and the municipality it lies in. */
public record FocusArea(String code, String name, String municipalityCode) {
}
