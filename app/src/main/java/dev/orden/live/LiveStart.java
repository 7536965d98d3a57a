package dev.orden.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Starts this server's listener with the application. */
@ApplicationScoped
public class LiveStart {

    @Inject
    NotificationListener listener;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        listener.start();
    }
}
