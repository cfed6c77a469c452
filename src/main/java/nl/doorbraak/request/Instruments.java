package nl.doorbraak.request;

/** What the instruments a decision can grant are called, for both kinds of request. */
public final class Instruments {

    private Instruments() {
    }

    /** The Dutch name of an instrument code, or the code itself if it is unknown; null stays null. */
    public static String label(String code) {
        if (code == null) {
            return null;
        }
        return RuleChangeSchema.INSTRUMENTS.getOrDefault(code, BudgetPoolingSchema.INSTRUMENTS.getOrDefault(code, code));
    }
}
