package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MonotonicClockTest {

    @Test
    void strictlyIncreasingAndWholeMicroseconds() {
        var previous = MonotonicClock.now();
        for (int i = 0; i < 200_000; i++) {
            var now = MonotonicClock.now();
            if (!now.isAfter(previous)) throw new AssertionError(now + " is not after " + previous);
            if (now.getNano() % 1_000 != 0) throw new AssertionError("not truncated to microseconds: " + now);
            previous = now;
        }
    }

    @Test
    void followsTheWallClock() {
        var before = Instant.now().minusMillis(1);
        var now = MonotonicClock.now();
        assertTrue(now.isAfter(before), now + " vs " + before);
        assertTrue(Duration.between(Instant.now(), now).compareTo(Duration.ofSeconds(2)) < 0, "not far ahead: " + now);
    }

    @Test
    void neverRepeatsAcrossThreads() throws Exception {
        int threads = 8;
        int perThread = 25_000;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<List<Instant>>>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Instant>> task = () -> {
                    start.await();
                    var seen = new ArrayList<Instant>(perThread);
                    for (int i = 0; i < perThread; i++) seen.add(MonotonicClock.now());
                    return seen;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            var all = new HashSet<Instant>();
            for (var future : futures) {
                var seen = future.get();
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i).isAfter(seen.get(i - 1)), "increasing within a thread");
                }
                all.addAll(seen);
            }
            assertEquals(threads * perThread, all.size(), "no instant handed out twice");
        }
    }
}
