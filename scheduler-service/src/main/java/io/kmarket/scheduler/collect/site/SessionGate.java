package io.kmarket.scheduler.collect.site;

/**
 * Holds back a site's requests that need its login session while a login replaces that session: sent meanwhile,
 * they would go out with no session cookie or a not yet authenticated one and be answered LOGOUT, each a request
 * spent against the site's limit for nothing.
 */
public final class SessionGate {

    private boolean closed;

    /** Closes the gate for the login that follows; {@link #open()} it in a finally block. */
    public synchronized void close() {
        closed = true;
    }

    public synchronized void open() {
        closed = false;
        notifyAll();
    }

    synchronized boolean isOpen() {
        return !closed;
    }

    synchronized void awaitOpen() throws InterruptedException {
        while (closed) {
            wait();
        }
    }
}
