package dev.orden.notification;

import dev.orden.plugin.notification.DeliveryResult;
import dev.orden.plugin.notification.NotificationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends one message through the server's mail session ({@code mail/orden}), looked up when first needed so that a
 * server without one still starts (its mails then fail, retryably, in the delivery log).
 */
@ApplicationScoped
public class Mailer {

    static final String JNDI = "mail/orden";

    private volatile Session session;

    DeliveryResult send(NotificationMessage message) {
        var to = message.recipient().email();
        if (to == null || to.isBlank()) return DeliveryResult.failed("the recipient has no e-mail address", false);
        try {
            var mail = new MimeMessage(session());
            mail.setFrom();
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to, message.recipient().name(), "UTF-8"));
            mail.setSubject(message.subject(), "UTF-8");
            mail.setHeader("Content-Language", message.recipient().language());
            mail.setHeader("X-Orden-Delivery", message.deliveryId());
            mail.setContent(body(message));
            mail.saveChanges();
            Transport.send(mail);
            return DeliveryResult.delivered();
        } catch (AddressException | UnsupportedEncodingException e) {
            return DeliveryResult.failed("not an e-mail address: " + to, false);
        } catch (SendFailedException e) {
            var refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            return DeliveryResult.failed("SMTP: " + e.getMessage(), !refused);
        } catch (MessagingException e) {
            return DeliveryResult.failed("SMTP: " + reason(e), true);
        } catch (NamingException e) {
            return DeliveryResult.failed("no mail session " + JNDI + ": " + reason(e), true);
        }
    }

    private static MimeMultipart body(NotificationMessage message) throws MessagingException {
        var text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(message.html() == null ? TemplateRenderer.html(message.text(), message.link()) : message.html(),
                StandardCharsets.UTF_8.name(), "html");
        return new MimeMultipart("alternative", text, html);
    }

    private Session session() throws NamingException {
        if (session == null) session = InitialContext.doLookup(JNDI);
        return session;
    }

    private static String reason(Exception e) {
        var reason = new StringBuilder(String.valueOf(e.getMessage()));
        for (var cause = e.getCause(); cause != null && reason.length() < 300; cause = cause.getCause()) {
            reason.append(": ").append(cause.getMessage());
        }
        return reason.length() <= 500 ? reason.toString() : reason.substring(0, 500);
    }
}
