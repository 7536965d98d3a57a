package dev.orden.notification;

import dev.orden.platform.plugin.Plugins;
import dev.orden.plugin.notification.NotificationChannel;
import dev.orden.plugin.notification.NotificationChannelFactory;
import dev.orden.plugin.spi.ProviderFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notification channels this server has: built in ({@code inapp}, {@code email}) or from the plugin directory. */
@ApplicationScoped
public class Channels {

    @Inject
    Plugins plugins;

    public List<NotificationChannelFactory> all() {
        return plugins.registry().factories(NotificationChannel.class).stream()
                .map(NotificationChannelFactory.class::cast)
                .sorted(Comparator.comparing(ProviderFactory::getId)).toList();
    }

    public Optional<NotificationChannelFactory> find(String id) {
        return plugins.registry().factory(NotificationChannel.class, id).map(NotificationChannelFactory.class::cast);
    }

    /** A channel for one delivery of one tenant; close it after use. */
    NotificationChannel create(NotificationChannelFactory factory, UUID tenantId) {
        return factory.create(plugins.session(tenantId));
    }
}
