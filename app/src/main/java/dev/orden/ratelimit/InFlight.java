package dev.orden.ratelimit;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests in progress per key (a tenant), capped: the one cap a rate cannot give, since it holds whatever the server
 * manages to do per second. A tenant whose requests are slow (a busy database, a heavy report) cannot take all of a
 * replica's threads and connections, however many clients it has.
 */
public final class InFlight {

    /** A place among the requests in progress, given back once (the response or the end of the request, first). */
    public static final class Permit {

        static final Permit NONE = new Permit(null);

        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void release() {
            if (semaphore != null && released.compareAndSet(false, true)) semaphore.release();
        }
    }

    /** One per key; keys are tenants, few enough to keep. The cap is the one of the key's first request. */
    private final ConcurrentHashMap<String, Semaphore> inProgress = new ConcurrentHashMap<>();

    Optional<Permit> enter(String key, int max) {
        var semaphore = inProgress.computeIfAbsent(key, k -> new Semaphore(max));
        return semaphore.tryAcquire() ? Optional.of(new Permit(semaphore)) : Optional.empty();
    }

    int available(String key) {
        var semaphore = inProgress.get(key);
        return semaphore == null ? -1 : semaphore.availablePermits();
    }
}
