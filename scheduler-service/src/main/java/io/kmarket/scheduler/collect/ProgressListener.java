package io.kmarket.scheduler.collect;

/** Told after every finished task how many of the plan's tasks are done. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> {
    };

    void progress(int done, int total);
}
