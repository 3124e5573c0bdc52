package io.edgesplit.backend.choco;

/** The outcome of one Choco run (a phase of a solve, one job of the portfolio, or one neighbourhood step). */
final class Phase {
    /** A complete search ended unstopped: nothing better than the run's best exists (in this model). */
    boolean proven;
    /** The objective's lower bound after root propagation (ticks), or null. */
    Long bound;
    String note;
    /** Model building and root propagation: from the phase's start to its first decision (or its end). */
    long setupNanos;
    /** The model could not be built (or propagated) in the time this run had. */
    boolean notBuilt;
    /** Whether this run found a better schedule. */
    boolean improved;
}
