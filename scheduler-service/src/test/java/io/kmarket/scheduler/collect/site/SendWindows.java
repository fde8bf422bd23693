package io.kmarket.scheduler.collect.site;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Counts the calls an upstream sees in its windows, from the instants the calls actually left. */
final class SendWindows {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private SendWindows() {
    }

    /**
     * The most calls within any interval {@code [t, t + window)}, whatever t: what an upstream counting fixed
     * windows of that length sees in its busiest one, however its windows are aligned.
     */
    static int busiest(Collection<Long> sentAt, long windowNanos) {
        List<Long> sent = sentAt.stream().sorted().toList();
        int busiest = 0;
        int first = 0;
        for (int last = 0; last < sent.size(); last++) {
            while (sent.get(last) - sent.get(first) >= windowNanos) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }
}
