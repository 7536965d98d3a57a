package dev.orden.plugin.notification;

import dev.orden.plugin.spi.ProviderFactory;

/**
 * Makes {@link NotificationChannel}s of one kind. Its {@link #getId()} is what a tenant names in
 * {@code notifications.json} ({@code "channels": ["email"]}); ids are lower case, digits and dashes. Server-wide
 * settings come through {@link #init} ({@code orden.plugin.notification-channel.<id>.<key>}).
 */
public interface NotificationChannelFactory extends ProviderFactory<NotificationChannel> {

    /** One sentence for the tenant's admins: where the channel's messages go. */
    String description();

    /**
     * Whether delivery waits for the scheduler, after the change committed (true: anything that reaches another
     * system, which may be down or slow), or happens inside the change's own transaction (only a channel that
     * writes to Orden's database, like the in-app inbox, may say false).
     */
    default boolean deferred() {
        return true;
    }
}
