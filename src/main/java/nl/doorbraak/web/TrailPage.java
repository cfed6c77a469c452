package nl.doorbraak.web;

import java.util.List;

import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.audit.AuditSentences;
import nl.doorbraak.audit.AuditVerifier;
import nl.doorbraak.audit.VerificationReport;
import nl.doorbraak.audit.VerificationScope;

/**
 * One page of a case's audit trail as the auditor's case page shows it. Every number on that
 * page comes from here: how many lines the chain has, which of them this page lists, whether
 * there are more, and the verification of exactly those lines — all read in the caller's
 * transaction, so in one snapshot of the chain however many entries are appended meanwhile.
 *
 * @param page  the page shown: the one asked for, or the last one when asked for one beyond it
 * @param first the number of the first line listed (1-based, the chain's sequence when intact)
 * @param last  the number of the last line listed; {@code first - 1} when none are
 */
record TrailPage(long total, int page, long first, long last, List<String> sentences,
                 VerificationReport verification) {

    static final int SIZE = 50;

    static TrailPage read(AuditQueries queries, AuditVerifier verifier, String chain, int requestedPage) {
        long total = queries.count(chain);
        int page = (int) Math.min(requestedPage, Math.max(1, (total + SIZE - 1) / SIZE));
        long offset = (long) (page - 1) * SIZE;
        List<String> sentences = queries.page(chain, offset, SIZE).stream().map(AuditSentences::of).toList();
        return new TrailPage(total, page, offset + 1, offset + sentences.size(), sentences,
                verifier.verify(VerificationScope.chain(chain)));
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return last < total;
    }
}
