package io.kmarket.scheduler.collect;

import java.time.LocalDate;

/**
 * One unit of collection: a dataset of a site for one subject (market, stock code, index, corp code) and an
 * optional date range. The key names it in the execution log.
 */
public record CollectionTask(String site, Dataset dataset, String subject, LocalDate from, LocalDate to) {

    public static CollectionTask of(String site, Dataset dataset, String subject) {
        return new CollectionTask(site, dataset, subject, null, null);
    }

    public String key() {
        StringBuilder key = new StringBuilder(dataset.name()).append(':').append(subject == null ? "" : subject);
        if (from != null) {
            key.append(':').append(from);
            if (to != null && !to.equals(from)) {
                key.append("..").append(to);
            }
        }
        return key.toString();
    }
}
