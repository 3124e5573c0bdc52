package io.edgesplit.solver;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One backend warm-started by another, as one timed run: {@code first} solves with {@value #FIRST_SHARE}
 * of the time limit (one worker, its default parameters, the same seed), its answer goes through the
 * validator, and {@code then} solves with what is left of the limit and that schedule as its warm start.
 * A solver configuration asks for it with {@code "warmStartFrom": "medag"} (docs/formats.md).
 *
 * <p>The run is timed and traced as a whole, so a comparison with a cold run is fair: the trace starts
 * with {@code first}'s schedule at the time it was ready, and {@code then}'s trace follows, shifted by
 * that time. If {@code then} ends without a schedule, the run answers {@code first}'s (status
 * {@code FEASIBLE}), since the run had it. A warm start given by the caller takes precedence: then
 * {@code first} is not run.
 */
public final class WarmStartChain implements Solver {
    /** The share of the time limit the first backend may use. */
    public static final double FIRST_SHARE = 0.2;

    private final Solver first, then;

    public WarmStartChain(Solver first, Solver then) {
        this.first = first;
        this.then = then;
    }

    public Solver first() { return first; }

    public Solver then() { return then; }

    @Override
    public String name() { return then.name(); }

    @Override
    public String description() { return then.description() + " (warm-started by " + first.name() + ")"; }

    @Override
    public List<ParamSpec> parameters() { return then.parameters(); }

    @Override
    public boolean exact() { return then.exact(); }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        if (options.warmStart() != null) return then.solve(ci, options);
        long t0 = System.nanoTime();
        SolveOptions firstOptions = new SolveOptions(options.timeLimitSeconds() * FIRST_SHARE, options.seed(), 1, null, Params.EMPTY, false);
        Outcome o = CheckedSolve.run(first, ci, firstOptions);
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        Schedule ws = o.valid() && o.solution().status().hasSchedule() ? Schedule.fromSolution(ci, o.solution()) : null;
        String how = ws != null
                ? String.format(Locale.ROOT, "warm start from %s: %s ticks in %.2f s", first.name(), fmt(ws.objectiveTicks(ci)), firstSeconds)
                : String.format(Locale.ROOT, "no warm start: %s answered %s%s in %.2f s", first.name(), o.solution().status(),
                        o.valid() ? "" : " (invalid: " + o.report().summary() + ")", firstSeconds);
        double left = Math.max(0.01, options.timeLimitSeconds() - firstSeconds);
        SolveResult r = then.solve(ci, options.withTimeLimit(left).withWarmStart(ws));
        List<TracePoint> trace = new ArrayList<>();
        if (ws != null) trace.add(new TracePoint(firstSeconds, ws.objectiveTicks(ci), null));
        for (TracePoint p : r.trace()) trace.add(new TracePoint(p.seconds() + firstSeconds, p.objectiveTicks(), p.boundTicks()));
        String message = r.message() == null ? how : r.message() + "; " + how;
        if (!r.status().hasSchedule() && ws != null && r.status() != Status.INFEASIBLE && r.status() != Status.ERROR) {
            trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, ws.objectiveTicks(ci), null));
            return new SolveResult(Status.FEASIBLE, ws, r.lowerBoundTicks(), trace, message + "; " + then.name() + " found none: answering the warm start");
        }
        return new SolveResult(r.status(), r.schedule(), r.lowerBoundTicks(), trace, message);
    }

    private static String fmt(double ticks) {
        return ticks == Math.rint(ticks) ? Long.toString((long) ticks) : Double.toString(ticks);
    }
}
