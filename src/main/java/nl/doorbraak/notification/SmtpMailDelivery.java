package nl.doorbraak.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends e-mail through the SMTP server configured with {@code spring.mail.host}. */
@Component
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class SmtpMailDelivery implements MailDelivery {

    private final JavaMailSender mailSender;
    private final String from;

    SmtpMailDelivery(JavaMailSender mailSender, @Value("${doorbraak.mail.from}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @Override
    public void deliver(String recipient, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient);
        message.setSubject(subject);
        message.setText(body);
        mailSender.send(message);
    }
}
