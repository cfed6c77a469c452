package nl.doorbraak.casedeadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import nl.doorbraak.platform.time.WorkingDays;

/**
 * The case deadline of one request as stored: {@code dueOn} does not yet count a running
 * suspension, which pushes it on by its working days when it ends.
 */
record CaseDeadline(UUID requestId, int periodDays, int maxExtensionDays, LocalDate startedOn,
                    LocalDate originalDueOn, LocalDate dueOn, LocalDate suspendedSince, String suspensionReason,
                    boolean suspendedAutomatically, LocalDate extendedOn, String extensionReason,
                    OffsetDateTime closedAt, String outcome, Integer exceededBy, OffsetDateTime passedNoticedAt,
                    int version) {

    boolean suspended() {
        return suspendedSince != null;
    }

    boolean closed() {
        return closedAt != null;
    }

    boolean extended() {
        return extendedOn != null;
    }

    /**
     * The working days a suspension from {@code suspendedSince} lasted when it ends on {@code day}:
     * the days after the day it began up to and including the day it ends (Awb 4:15 counts from the
     * day after the request until the day of the answer).
     */
    int suspendedDays(LocalDate day) {
        return suspended() ? Math.max(0, WorkingDays.between(suspendedSince, day)) : 0;
    }

    /** The deadline if a running suspension ended on {@code day}. */
    LocalDate dueIfResumedOn(LocalDate day) {
        return WorkingDays.plus(dueOn, suspendedDays(day));
    }

    /** The last day an extension may reach. */
    LocalDate latestExtension() {
        return WorkingDays.plus(dueOn, maxExtensionDays);
    }

    /**
     * Working days past the deadline on {@code day}; zero when not passed. A suspended deadline
     * does not run: it is past only by what had passed when the suspension began.
     */
    int overdueOn(LocalDate day) {
        LocalDate upTo = suspended() ? suspendedSince : day;
        return upTo.isAfter(dueOn) ? WorkingDays.between(dueOn, upTo) : 0;
    }

    /** Working days left up to the deadline on {@code day}, standing still while suspended; zero when passed. */
    int leftOn(LocalDate day) {
        LocalDate from = suspended() ? suspendedSince : day;
        return from.isAfter(dueOn) ? 0 : WorkingDays.between(from, dueOn);
    }
}
