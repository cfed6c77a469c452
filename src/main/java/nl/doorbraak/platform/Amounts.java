package nl.doorbraak.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;

/** Euro amounts as Dutch readers expect them ("€ 2.400.000,00") and exact sums. */
public final class Amounts {

    private static final DecimalFormatSymbols DUTCH = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL"));

    private Amounts() {
    }

    public static String euros(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DUTCH);
        return "€ " + format.format(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }
}
