package io.dengta.commons.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the idempotent test actions did: how often each ran (by the name in the request), and a gate a
 * test uses to hold one action while it is running.
 */
@ApplicationScoped
public class IdempotencyProbe {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    public int ran(String name) {
        return runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    public int runs(String name) {
        AtomicInteger count = runs.get(name);
        return count == null ? 0 : count.get();
    }

    /** Arms the gate: the next slow action signals {@link #awaitEntered} and then waits for {@link #open}. */
    public void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public boolean awaitEntered() throws InterruptedException {
        return entered.await(60, TimeUnit.SECONDS);
    }

    public void open() {
        release.countDown();
    }

    void holdWhileArmed() {
        entered.countDown();
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
