package nl.doorbraak.platform.validation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One field of an {@link InputSchema}. {@code min}/{@code max} bound integers and the number of
 * rows (for an amount, {@code min} 1 means above zero); {@code rows} checks each row of a list of
 * objects. {@code required} and {@code applies} look at the field's siblings' valid values.
 */
record InputField(String key, String label, Kind kind, Predicate<Values> required, Predicate<Values> applies,
                  int maxLength, long min, long max, Supplier<Map<String, String>> allowed, BigDecimal maxAmount,
                  InputSchema rows, String rowLabel) {

    enum Kind { TEXT, EMAIL, CHOICE, CHOICES, INTEGER, INTEGERS, DATE, AMOUNT, ROWS }

    static final Predicate<Values> ALWAYS = values -> true;
    static final Predicate<Values> NEVER = values -> false;

    boolean alwaysRequired() {
        return required == ALWAYS && applies == ALWAYS;
    }
}
