package nl.doorbraak.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one reading of an amount, notation by notation ({@link nl.doorbraak.support.AmountNotations}),
 * and the form pattern that must agree with it. The channels (API, web form, Tasklist) are tested
 * with the same table in {@code web/AmountChannelTests}; this is the rule on its own.
 */
class AmountsTests {

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("nl.doorbraak.support.AmountNotations#all")
    void eachNotationHasOneReadingOrIsRefusedWithHowToWriteIt(String written, String amount, String refusal) {
        Amounts.Reading reading = Amounts.read(written);
        if (amount != null) {
            assertThat(reading.amount()).as(written).isEqualTo(new BigDecimal(amount));
            assertThat(reading.refusal()).isNull();
        } else {
            assertThat(reading.readable()).as(written).isFalse();
            assertThat(reading.refusal()).as(written).contains(refusal);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("nl.doorbraak.support.AmountNotations#all")
    void theFormPatternLetsThroughExactlyWhatIsRead(String written, String amount, String refusal) {
        // Camunda Forms check the pattern in the browser; the server reads the same notations
        assertThat(Pattern.compile(Amounts.PATTERN).matcher(written).matches()).as(written).isEqualTo(amount != null);
    }

    /** Every field where a person types an amount in Tasklist. */
    static Stream<Arguments> amountFieldsOfTheForms() {
        return Stream.of(
                Arguments.of("forms/budget-pooling-request-start.form", "amount", 4),
                Arguments.of("forms/decide-budget-pooling.form", "grantedAmount", 1),
                Arguments.of("forms/deliver-accountability.form", "spentAmount", 1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("amountFieldsOfTheForms")
    void everyAmountFieldOfTheFormsChecksTheRuleAndSaysHowToWriteIt(String form, String key, int fields)
            throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(form)) {
            new ObjectMapper().readTree(in).findParents("key").stream()
                    .filter(component -> key.equals(component.path("key").asText())).forEach(found::add);
        }
        assertThat(found).hasSize(fields);
        for (JsonNode field : found) {
            assertThat(field.path("type").asText()).as("a text field: a number field would read 1.500 as 1,5")
                    .isEqualTo("textfield");
            assertThat(field.path("validate").path("pattern").asText()).isEqualTo(Amounts.PATTERN);
            assertThat(field.path("description").asText()).contains("2.400.000,00", "niet eenduidig");
        }
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(new BigDecimal("1500.5"), "1500.50", null),
                Arguments.of(new BigDecimal("2400000.00"), "2400000.00", null),
                Arguments.of(new BigDecimal("1.5E+3"), "1500.00", null),
                Arguments.of(1500, "1500.00", null),
                Arguments.of(1500L, "1500.00", null),
                Arguments.of(0.5d, "0.50", null),
                Arguments.of(new BigDecimal("-1.00"), "-1.00", null),
                Arguments.of(new BigDecimal("1.500"), null, "niet eenduidig"),
                Arguments.of(new BigDecimal("1.001"), null, "niet eenduidig"),
                Arguments.of(new BigDecimal("12.3456"), null, "hoogstens twee decimalen"),
                Arguments.of(new BigDecimal("1E+400"), null, "is te groot"),
                Arguments.of(new BigDecimal("1E-400"), null, "hoogstens twee decimalen"),
                Arguments.of(Double.NaN, null, "moet een bedrag in euro's zijn"),
                Arguments.of(true, null, "moet een bedrag in euro's zijn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void jsonNumbersAreReadByTheDigitsTheyWereWrittenWith(Object number, String amount, String refusal) {
        Amounts.Reading reading = Amounts.read(number);
        if (amount != null) {
            assertThat(reading.amount()).as("%s", number).isEqualTo(new BigDecimal(amount));
        } else {
            assertThat(reading.readable()).as("%s", number).isFalse();
            assertThat(reading.refusal()).as("%s", number).contains(refusal);
        }
    }
}
