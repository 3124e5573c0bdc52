package io.edgesplit.jmh;

import io.edgesplit.solver.Outcome;

/** Only valid answers with a schedule count as measured solves. */
final class Checks {
    private Checks() {}

    static void requireSchedule(Outcome o, String backend, String instance) {
        if (!o.valid())
            throw new IllegalStateException(backend + " on " + instance + ": INVALID schedule: " + o.report().summary());
        if (!o.solution().status().hasSchedule() || o.report().objectiveSeconds() == null)
            throw new IllegalStateException(backend + " on " + instance + ": no schedule (" + o.solution().status()
                    + (o.solution().message() == null ? "" : ": " + o.solution().message()) + ")");
    }
}
