package dev.orden.plugin.notification;

import dev.orden.plugin.spi.Provider;
import dev.orden.plugin.spi.ProviderFactory;
import dev.orden.plugin.spi.Spi;

/**
 * The extension point of notifications: channels that take a message rendered for one recipient to them (the in-app
 * inbox, e-mail, a webhook). Built-in channels ship in the server; a third-party one is a jar in the server's plugin
 * directory that registers its {@link NotificationChannelFactory} in
 * {@code META-INF/services/dev.orden.plugin.notification.NotificationChannelFactory}.
 */
public final class NotificationChannelSpi implements Spi {

    public static final String NAME = "notification-channel";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return NotificationChannel.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return NotificationChannelFactory.class;
    }
}
