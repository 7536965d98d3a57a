package dev.orden.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * LISTENs on {@value Notice#CHANNEL} on one dedicated connection, on a managed thread, and hands every notice to
 * {@link LiveHub}. When the connection drops it reconnects with a doubling backoff (1 s to 30 s) and then has every
 * stream resync, since notices sent meanwhile are lost to this server.
 */
@ApplicationScoped
public class NotificationListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class.getName());
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/ordenEvents")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LiveHub hub;

    private volatile boolean running;
    private Thread thread;

    synchronized void start() {
        if (running) return;
        running = true;
        thread = threads.newThread(this::listen);
        thread.setName("orden-live-listener");
        thread.start();
    }

    /** Waits for the thread to let go of its connection while the application is still there to close it. */
    @PreDestroy
    synchronized void stop() {
        running = false;
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(POLL.multipliedBy(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        var backoff = FIRST_BACKOFF;
        var connectedBefore = false;
        while (running) {
            try (var connection = ListenConnection.open(dataSource, Notice.CHANNEL)) {
                if (connectedBefore) {
                    LOG.info("Listening on " + Notice.CHANNEL + " again; live streams resync");
                    hub.resync();
                }
                connectedBefore = true;
                backoff = FIRST_BACKOFF;
                while (running) {
                    for (var payload : connection.await(POLL)) {
                        Notice.parse(payload).ifPresentOrElse(hub::dispatch,
                                () -> LOG.warning("Ignored a notice that is not Orden's on " + Notice.CHANNEL));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                LOG.log(Level.WARNING, "Listening on " + Notice.CHANNEL + " failed; again in " + backoff.toSeconds()
                        + " s", e);
                if (!sleep(backoff)) return;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
