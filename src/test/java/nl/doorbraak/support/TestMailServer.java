package nl.doorbraak.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server inside the test JVM (GreenMail), which the application sends its e-mail to. */
public final class TestMailServer {

    /** An e-mail as it arrived. */
    public record ReceivedMail(List<String> to, String subject, String body) {
    }

    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    public static List<ReceivedMail> received() {
        return Arrays.stream(server().getReceivedMessages()).map(TestMailServer::read).toList();
    }

    public static List<ReceivedMail> receivedBy(String recipient) {
        return received().stream().filter(mail -> mail.to().contains(recipient)).toList();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).toList();
            // the content as the recipient reads it: quoted-printable decoded, UTF-8
            String body = message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
            return new ReceivedMail(to, message.getSubject(), body.replace("\r\n", "\n"));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
