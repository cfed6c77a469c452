package nl.doorbraak.web;

import java.util.List;

import nl.doorbraak.audit.AuditedReads;
import nl.doorbraak.audit.AuditSentences;
import nl.doorbraak.audit.VerificationReport;

/**
 * One page of a case's audit trail as the auditor's case page shows it. Every number on that
 * page comes from here: how many lines the chain has, which of them this page lists, whether
 * there are more, and the verification of exactly those lines — all read in one snapshot of the
 * chain ({@link AuditedReads}), however many entries are appended meanwhile.
 *
 * @param page  the page shown: the one asked for, or the last one when asked for one beyond it
 * @param first the number of the first line listed (1-based, the chain's sequence when intact)
 * @param last  the number of the last line listed; {@code first - 1} when none are
 */
record TrailPage(long total, int page, long first, long last, List<String> sentences,
                 VerificationReport verification) {

    static final int SIZE = 50;

    static TrailPage of(AuditedReads.TrailPage read) {
        return new TrailPage(read.total(), read.page(), read.first(), read.first() + read.entries().size() - 1,
                read.entries().stream().map(AuditSentences::of).toList(), read.verification().orElseThrow());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return last < total;
    }
}
