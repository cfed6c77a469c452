package nl.doorbraak.notification;

/** Hands one e-mail to whatever delivers mail in this environment. */
interface MailDelivery {

    void deliver(String recipient, String subject, String body);
}
