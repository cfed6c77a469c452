package nl.doorbraak.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** Without a mail server (the quick start) e-mail is written to the log instead. */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class LoggingMailDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailDelivery.class);

    @Override
    public void deliver(String recipient, String subject, String body) {
        log.info("E-mail (not sent: no spring.mail.host configured)\nAan: {}\nOnderwerp: {}\n\n{}", recipient, subject, body);
    }
}
