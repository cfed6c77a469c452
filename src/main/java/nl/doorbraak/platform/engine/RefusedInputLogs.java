package nl.doorbraak.platform.engine;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import nl.doorbraak.platform.validation.InvalidInputException;

/**
 * A form the server's rules refuse inside an engine command (a Tasklist start form or task
 * completion) is the user's input, answered with a Dutch 400 (security's webapp write guard), not
 * a failure: without this the engine logs it as an error and its REST layer as a server error, two
 * stack traces of about 280 lines for one typing mistake. This drops exactly those two log events;
 * everything else the engine and its REST layer log stays, and the refusal itself is audited.
 */
@Component
class RefusedInputLogs extends TurboFilter {

    /** The engine's "Exception while closing command context" and the REST layer's HTTP 500. */
    private static final String[] LOGGERS = {"org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception"};

    RefusedInputLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            setName("refused-input");
            start();
            logging.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!level.isGreaterOrEqual(Level.WARN) || !ofTheEngine(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (refusedInput(t)) {
            return FilterReply.DENY;
        }
        if (names(format)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param instanceof Throwable thrown ? refusedInput(thrown) : param instanceof String text && names(text)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean ofTheEngine(String loggerName) {
        for (String name : LOGGERS) {
            if (loggerName.startsWith(name)) {
                return true;
            }
        }
        return false;
    }

    /** The REST layer writes the exception, stack trace and all, into the message as text. */
    private static boolean names(String text) {
        return text != null && text.contains(InvalidInputException.class.getName());
    }

    private static boolean refusedInput(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidInputException) {
                return true;
            }
        }
        return false;
    }
}
