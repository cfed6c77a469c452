package nl.doorbraak.support;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * How people write amounts, and what each notation must become: the one table that the rule
 * ({@code platform/AmountsTests}) and every channel ({@code web/AmountChannelTests}) are tested with.
 */
public final class AmountNotations {

    private AmountNotations() {
    }

    /** Notation, what it is stored as (null: refused), and a part of the refusal. */
    public static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("1500", "1500.00", null),
                Arguments.of("1500,50", "1500.50", null),
                Arguments.of("1500.50", "1500.50", null),
                Arguments.of("1500,5", "1500.50", null),
                Arguments.of("0,5", "0.50", null),
                Arguments.of("0.05", "0.05", null),
                Arguments.of("1.500,00", "1500.00", null),
                Arguments.of("1.500.000,00", "1500000.00", null),
                Arguments.of("1.500.000", "1500000.00", null),
                Arguments.of("€ 1.500.000,00", "1500000.00", null),
                Arguments.of("€1.500,75", "1500.75", null),
                Arguments.of("  € 2.400.000,10 ", "2400000.10", null),
                Arguments.of("1.500,-", "1500.00", null),
                Arguments.of("€ 250,-", "250.00", null),
                Arguments.of("1.500", null, "'1.500' is niet eenduidig"),
                Arguments.of("1,500", null, "Schrijf het bedrag als 1500 of 1.500,00 (bedoelt u 1,50, schrijf dan 1,50)"),
                Arguments.of("€ 2.400", null, "Schrijf het bedrag als 2400 of 2.400,00"),
                Arguments.of("12,345", null, "Schrijf het bedrag als 12345 of 12.345,00."),
                Arguments.of("1.50.000,00", null, "heeft de punten op de verkeerde plaats"),
                Arguments.of("1.5000,00", null, "Schrijf het bedrag als 15000,00 of 15.000,00"),
                Arguments.of("1,500.00", null, "Engelse schrijfwijze"),
                Arguments.of("1,500,000", null, "Schrijf het bedrag als 1500000,00 of 1.500.000,00"),
                Arguments.of("1500,505", null, "hoogstens twee decimalen"),
                Arguments.of("0,500", null, "hoogstens twee decimalen"),
                Arguments.of("1.500,505", null, "hoogstens twee decimalen"),
                Arguments.of("1 500", null, "moet een bedrag in euro's zijn"),
                Arguments.of("1500 euro", null, "moet een bedrag in euro's zijn"),
                Arguments.of("veel", null, "moet een bedrag in euro's zijn"),
                Arguments.of(",50", null, "moet een bedrag in euro's zijn"),
                Arguments.of("1500.", null, "Schrijf het bedrag als 1500,00 of 1.500,00."),
                Arguments.of("--5", null, "moet een bedrag in euro's zijn"));
    }

}
