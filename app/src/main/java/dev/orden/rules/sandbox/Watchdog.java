package dev.orden.rules.sandbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;

/**
 * One daemon thread that cancels the context of an evaluation past its deadline or past its allocation budget.
 * Evaluations take microseconds and are rarely looked at; the thread sleeps while none runs. Cancelling happens on
 * a virtual thread of its own, because a built-in busy in a native loop can hold {@code close(true)} for a while and
 * the other evaluations' deadlines must not wait for it.
 */
final class Watchdog implements AutoCloseable {

    /** How a watched evaluation ended: RUNNING until it finishes (DONE) or is cancelled (TIMEOUT, MEMORY). */
    enum State { RUNNING, DONE, TIMEOUT, MEMORY }

    private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final com.sun.management.ThreadMXBean threads = allocationCounter();
    private volatile boolean idle;
    private volatile boolean closed;

    Watchdog() {
        thread = Thread.ofPlatform().daemon().name("orden-rules-watchdog").unstarted(this::loop);
        thread.start();
    }

    /** Starts watching the calling thread's evaluation in {@code context}; close the watch when it ends. */
    Watch watch(Context context, Duration timeout, long allocatedBytes) {
        var watch = new Watch(context, System.nanoTime() + timeout.toNanos(), allocatedBytes);
        running.add(watch);
        if (idle) LockSupport.unpark(thread);
        return watch;
    }

    /** Bytes the calling thread has allocated so far, or -1 where the JVM does not count them. */
    long allocatedByCurrentThread() {
        return threads == null ? -1 : threads.getCurrentThreadAllocatedBytes();
    }

    private void loop() {
        while (!closed) {
            if (running.isEmpty()) {
                idle = true;
                if (running.isEmpty()) LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                idle = false;
                continue;
            }
            long now = System.nanoTime();
            for (var watch : running) watch.check(now);
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            if (!bean.isThreadAllocatedMemoryEnabled()) bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        LOG.warning("This JVM does not count allocated bytes per thread: rules run without an allocation budget");
        return null;
    }

    /** One evaluation under watch. */
    final class Watch implements AutoCloseable {

        private final Context context;
        private final long deadline;
        private final long threadId = Thread.currentThread().threadId();
        private final long allocationLimit;
        private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

        private Watch(Context context, long deadline, long allocatedBytes) {
            this.context = context;
            this.deadline = deadline;
            long start = threads == null ? -1 : threads.getCurrentThreadAllocatedBytes();
            this.allocationLimit = start < 0 ? Long.MAX_VALUE : start + allocatedBytes;
        }

        /** RUNNING while it runs; once {@link #close()}d, DONE or why the context was cancelled. */
        State state() {
            return state.get();
        }

        private void check(long now) {
            if (now - deadline > 0) {
                cancel(State.TIMEOUT);
            } else if (allocationLimit != Long.MAX_VALUE && threads.getThreadAllocatedBytes(threadId) > allocationLimit) {
                cancel(State.MEMORY);
            }
        }

        /** Exactly one of cancel and close wins, so a context that finished in time is never cancelled later. */
        private void cancel(State reason) {
            if (!state.compareAndSet(State.RUNNING, reason)) return;
            running.remove(this);
            Thread.ofVirtual().name("orden-rules-cancel").start(() -> {
                try {
                    context.close(true);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Cancelling a rule context", e);
                }
            });
        }

        @Override
        public void close() {
            state.compareAndSet(State.RUNNING, State.DONE);
            running.remove(this);
        }
    }
}
