package nl.doorbraak.platform.validation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A closed list of codes with their Dutch labels, as an enum: the code is what forms, tables and
 * the API carry, the label what a person reads. One enum per list, owned by the module whose
 * stage decides it, instead of copied maps and string literals.
 */
public interface Vocabulary {

    /** The enum constant's name ({@code PARTLY_GRANTED}); every enum has it. */
    String name();

    /** What a person reads ("Deels toegekend"). */
    String label();

    /** What forms, tables and the API carry: the name in kebab case ({@code partly-granted}). */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a value (a variable, a form value, possibly null) is this term's code. */
    default boolean is(Object value) {
        return code().equals(value);
    }

    /** Code to label, in the enum's order: the choices of a form field. */
    static <E extends Enum<E> & Vocabulary> Map<String, String> labels(Class<E> type) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(term -> labels.put(term.code(), term.label()));
        return labels;
    }

    static <E extends Enum<E> & Vocabulary> Optional<E> ofCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(term -> term.code().equals(code)).findFirst();
    }

    /** The label of a code; an unknown code (or null) is shown as it is. */
    static <E extends Enum<E> & Vocabulary> String labelOf(Class<E> type, String code) {
        return ofCode(type, code).map(Vocabulary::label).orElse(code);
    }
}
