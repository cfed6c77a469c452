package nl.doorbraak.casedeadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for case deadlines that passed, by default every hour; each case is announced once. */
@Component
class PassedCaseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(PassedCaseDeadlines.class);

    private final CaseDeadlines deadlines;

    PassedCaseDeadlines(CaseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(cron = "${doorbraak.case-deadlines.passed-cron:0 5 * * * *}", zone = "Europe/Amsterdam")
    void onSchedule() {
        try {
            deadlines.announcePassed();
        } catch (RuntimeException e) {
            log.error("Announcing passed case deadlines failed; the next run tries again", e);
        }
    }
}
