package dev.orden.notification;

import dev.orden.plugin.notification.NotificationChannel;
import dev.orden.plugin.notification.NotificationChannelFactory;
import dev.orden.plugin.spi.PluginSession;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The built-in {@code email} channel: a multipart (text and HTML) mail through the server's Jakarta Mail session
 * ({@code mail/orden}, Liberty's mailSession; host, port and sender from {@code ORDEN_SMTP_*}/{@code ORDEN_MAIL_FROM}).
 */
public class EmailChannelFactory implements NotificationChannelFactory {

    public static final String ID = "email";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "An e-mail to the recipient's address in Keycloak";
    }

    @Override
    public NotificationChannel create(PluginSession session) {
        var mailer = CDI.current().select(Mailer.class).get();
        return mailer::send;
    }
}
