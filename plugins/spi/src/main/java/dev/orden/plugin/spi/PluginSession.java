package dev.orden.plugin.spi;

/** What a provider may know about the use it was created for. Never crosses tenants. */
public interface PluginSession {

    /** The tenant the session acts for, taken from the verified token; never chosen by a client. */
    String tenantId();

    /** The provider of another SPI for the same session, e.g. a notifier asking for a template renderer. */
    <T extends Provider> T getProvider(Class<T> providerClass);
}
