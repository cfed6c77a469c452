package nl.doorbraak.platform;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time of the cases: the process engine's clock, so that case-file timestamps, due dates and
 * the engine's own timers and history tell one story. It is the wall clock, except where a test
 * or a simulation moves the engine's clock. The audit trail keeps the wall clock: it records
 * when something was written.
 */
public final class CaseClock {

    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private CaseClock() {
    }

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }

    public static ZonedDateTime dutchNow() {
        return ClockUtil.getCurrentTime().toInstant().atZone(DUTCH_TIME);
    }
}
