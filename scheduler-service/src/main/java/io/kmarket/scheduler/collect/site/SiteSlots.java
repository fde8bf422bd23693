package io.kmarket.scheduler.collect.site;

import java.util.concurrent.Semaphore;

/**
 * A site's concurrency cap that an edit of ops.site_config resizes in place: requests already holding a slot keep
 * it, and a lowered cap admits no new request until enough of them have finished (never old and new caps at once).
 */
final class SiteSlots extends Semaphore {

    private int size;

    SiteSlots(int size) {
        super(size, true);
        this.size = size;
    }

    synchronized void resize(int changed) {
        if (changed > size) {
            release(changed - size);
        } else if (changed < size) {
            reducePermits(size - changed);
        }
        size = changed;
    }
}
