package io.kmarket.scheduler.collect.site;

/**
 * Whether this instance may send upstream requests now. A deposed leader that keeps calling a site, beside the new
 * leader calling it from the same address, gets the address blocked (KRX blocks it for a day or more): database
 * fencing refuses its writes only after the requests were sent. Implemented by the leadership side, so that this
 * package knows nothing of the election.
 */
public interface UpstreamLease {

    /** Always leased: for a runtime outside any election (a test of the limiter alone). */
    UpstreamLease ALWAYS = new UpstreamLease() {
        @Override
        public void await() {
        }

        @Override
        public boolean held() {
            return true;
        }
    };

    /**
     * Returns once the lease is held; waits while it has expired and leadership is not re-confirmed yet, and throws
     * {@link io.kmarket.scheduler.fencing.DeposedLeaderException} once this instance is standby.
     */
    void await() throws InterruptedException;

    /** True while the lease is held right now (checked again just before a request leaves). */
    boolean held();
}
