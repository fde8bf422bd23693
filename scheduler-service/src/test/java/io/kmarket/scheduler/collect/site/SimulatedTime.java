package io.kmarket.scheduler.collect.site;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Fake time shared by several real threads: time stands still while any of them runs, and moves on to the next
 * wake-up only once every one of them sleeps (or has finished). Threads woken at the same instant really run
 * concurrently, competing for the limiter's lock in whatever order the JVM picks, so a test sees every
 * interleaving the scheduler happens to produce, and the invariant it checks must hold for all of them. Every
 * sleep ends late by {@code lateness}: real wake-ups are never punctual, and a descheduled thread is very late.
 */
final class SimulatedTime implements TokenBucket.Ticker {

    private final PriorityQueue<Sleeper> sleepers = new PriorityQueue<>();
    private final LongSupplier lateness;
    private final List<Throwable> failures = new ArrayList<>();
    private long now;
    private long sleeps;
    private int running;

    /** {@code lateness} is called under this object's lock, so it may use an unsynchronised Random. */
    SimulatedTime(LongSupplier lateness) {
        this.lateness = lateness;
    }

    /** Wake-ups late by 0..5 ms, and one in ten by up to {@code stallNanos} (the thread was descheduled). */
    static LongSupplier lateByAFewMillisOrStalled(Random random, long stallNanos) {
        return () -> random.nextInt(10) == 0 ? random.nextLong(stallNanos) : random.nextLong(5_000_000);
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            sleepUntil(now + nanos + lateness.getAsLong());
        }
    }

    /** Sleeps exactly {@code nanos}, not late: a stall the test itself decides on. */
    synchronized void stall(long nanos) throws InterruptedException {
        if (nanos > 0) {
            sleepUntil(now + nanos);
        }
    }

    private void sleepUntil(long at) throws InterruptedException {
        Sleeper sleeper = new Sleeper(at, sleeps++);
        sleepers.add(sleeper);
        running--;
        notifyAll();
        while (!sleeper.woken) {
            wait();
        }
    }

    /**
     * Runs every action on its own thread from time 0 until all have finished; rethrows the first failure.
     */
    void run(List<Action> actions) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        synchronized (this) {
            running = actions.size();
        }
        for (Action action : actions) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    action.run();
                } catch (Throwable e) {
                    synchronized (this) {
                        failures.add(e);
                    }
                } finally {
                    synchronized (this) {
                        running--;
                        notifyAll();
                    }
                }
            }));
        }
        drive();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a simulated caller failed", failures.getFirst());
        }
    }

    /** Moves time to the next wake-up whenever nobody runs, until nobody sleeps either. */
    private synchronized void drive() throws InterruptedException {
        while (true) {
            while (running > 0) {
                wait();
            }
            if (sleepers.isEmpty()) {
                return;
            }
            now = Math.max(now, sleepers.peek().at);
            while (!sleepers.isEmpty() && sleepers.peek().at <= now) {
                sleepers.poll().woken = true;
                running++;
            }
            notifyAll();
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private static final class Sleeper implements Comparable<Sleeper> {

        final long at;
        final long order;
        boolean woken;

        Sleeper(long at, long order) {
            this.at = at;
            this.order = order;
        }

        @Override
        public int compareTo(Sleeper other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(order, other.order);
        }
    }
}
