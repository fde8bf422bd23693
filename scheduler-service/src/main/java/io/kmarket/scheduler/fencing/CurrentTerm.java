package io.kmarket.scheduler.fencing;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The leadership this process holds right now, if any. Set by the election before the instance reports itself
 * leader and cleared before its runs are detached, so whatever reads it after a step-down sees none.
 */
@ApplicationScoped
public class CurrentTerm {

    private volatile Term term;

    public Optional<Term> get() {
        return Optional.ofNullable(term);
    }

    /** The term to write under; throws when this instance is standby. */
    public Term required() {
        Term current = term;
        if (current == null) {
            throw DeposedLeaderException.standby();
        }
        return current;
    }

    public void begin(Term started) {
        term = started;
    }

    public void end() {
        term = null;
    }
}
