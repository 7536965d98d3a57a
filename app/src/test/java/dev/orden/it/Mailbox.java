package dev.orden.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The real SMTP server the IT servers send mail to: GreenMail on the port the build reserved
 * ({@code orden.it.smtpPort}, the servers' ORDEN_SMTP_PORT), started in this JVM when first needed. {@link #stop} and
 * {@link #start} make an outage.
 */
final class Mailbox {

    static final int PORT = Integer.getInteger("orden.it.smtpPort", 3025);

    private static GreenMail server;

    /** One received mail: its recipient, subject, language header and text and HTML parts. */
    record Mail(String to, String subject, String language, String text, String html) {}

    private Mailbox() {}

    static synchronized void start() {
        if (server != null) return;
        server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    static synchronized void stop() {
        if (server == null) return;
        server.stop();
        server = null;
    }

    /** The first mail to {@code address} whose subject contains {@code text}, waiting up to {@code timeout}. */
    static Mail await(String address, String text, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var found = find(address, text);
            if (found.isPresent()) return found.get();
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("no mail to " + address + " about " + text + " within " + timeout + "; got "
                + all().stream().map(m -> m.to() + ": " + m.subject()).toList());
    }

    static Optional<Mail> find(String address, String text) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address) && m.subject().contains(text)).findFirst();
    }

    private static synchronized List<Mail> all() {
        if (server == null) return List.of();
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::mail).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            var to = message.getAllRecipients()[0].toString().replaceAll(".*<([^>]+)>.*", "$1");
            var parts = (MimeMultipart) message.getContent();
            return new Mail(to, message.getSubject(), message.getHeader("Content-Language", null),
                    content(parts.getBodyPart(0)), content(parts.getBodyPart(1)));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(BodyPart part) throws MessagingException, IOException {
        return part.getContent().toString();
    }
}
