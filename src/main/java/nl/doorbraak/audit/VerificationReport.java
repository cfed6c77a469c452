package nl.doorbraak.audit;

import java.time.Instant;

/**
 * The outcome of a verification: what was checked, whether all of it is intact, and the first
 * broken link (empty when intact). {@code problemsFound} counts every broken link seen, of which
 * later ones may follow from the first.
 */
public record VerificationReport(VerificationScope scope, boolean ok, long chainsChecked, long entriesChecked,
                                 long sealsChecked, long sealedHeadsChecked, long problemsFound,
                                 BrokenLink firstBrokenLink, Instant verifiedAt, long durationMillis) {
}
