package io.edgesplit.solver;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One backend warm-started by others, as one timed run: the {@code first} backends solve one after another
 * within {@value #FIRST_SHARE} of the time limit together (one worker each, their default parameters, the same
 * seed), every answer goes through the validator, and {@code then} solves with what is left of the limit and
 * the best valid schedule among them as its warm start (the earliest listed on a tie). A solver configuration
 * asks for it with {@code "warmStartFrom": "medag"} or {@code "warmStartFrom": ["heft", "edge-only", "medag"]}
 * (docs/formats.md).
 *
 * <p>Each first backend gets what is left of the share, minus a tenth of the share for every one still to run
 * (at least an equal split of what is left), so a quick heuristic listed first leaves its unused time to the
 * next, and one that uses all its time (medag improves until its limit) does not starve the others.
 *
 * <p>The run is timed and traced as a whole, so a comparison with a cold run is fair: the trace starts
 * with the first backends' schedules at the times they were ready (each one that improves on the best so
 * far), and {@code then}'s trace follows, shifted by the time they took. If {@code then} ends without a
 * schedule, the run answers the warm start ({@code FEASIBLE}), since the run had it. A warm start given
 * by the caller takes precedence: then no first backend runs.
 */
public final class WarmStartChain implements Solver {
    /** The share of the time limit the first backends may use together. */
    public static final double FIRST_SHARE = 0.2;

    private final List<Solver> firsts;
    private final Solver then;

    public WarmStartChain(Solver first, Solver then) { this(List.of(first), then); }

    public WarmStartChain(List<Solver> firsts, Solver then) {
        if (firsts.isEmpty()) throw new IllegalArgumentException("a warm-start chain needs at least one first backend");
        this.firsts = List.copyOf(firsts);
        this.then = then;
    }

    /** The backends that run first, in order. */
    public List<Solver> firsts() { return firsts; }

    public Solver then() { return then; }

    @Override
    public String name() { return then.name(); }

    @Override
    public String description() {
        return then.description() + " (warm-started by the best of " + String.join(", ", firsts.stream().map(Solver::name).toList()) + ")";
    }

    @Override
    public List<ParamSpec> parameters() { return then.parameters(); }

    @Override
    public boolean exact() { return then.exact(); }

    /** As {@code then}: a first backend that plans with constant speeds is refused on its own (CheckedSolve) and gives no warm start. */
    @Override
    public boolean handlesFluctuations() { return then.handlesFluctuations(); }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        if (options.warmStart() != null) return then.solve(ci, options);
        long t0 = System.nanoTime();
        double budget = options.timeLimitSeconds() * FIRST_SHARE;
        Schedule ws = null;
        String wsFrom = null;
        double wsObj = Double.POSITIVE_INFINITY;
        List<TracePoint> trace = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int k = firsts.size();
        for (int i = 0; i < k; i++) {
            Solver first = firsts.get(i);
            double used = (System.nanoTime() - t0) / 1e9;
            double left = budget - used;
            int after = k - 1 - i;
            double slice = Math.max(left / (after + 1), left - after * budget / 10);
            if (slice < 0.001) {
                notes.add(first.name() + " not run (no time left)");
                continue;
            }
            SolveOptions firstOptions = new SolveOptions(slice, options.seed(), 1, null, Params.EMPTY, false);
            Outcome o = CheckedSolve.run(first, ci, firstOptions);
            double at = (System.nanoTime() - t0) / 1e9;
            if (o.valid() && o.solution().status().hasSchedule()) {
                Schedule s = Schedule.fromSolution(ci, o.solution());
                double obj = s.objectiveTicks(ci);
                notes.add(String.format(Locale.ROOT, "%s: %s ticks in %.2f s", first.name(), fmt(obj), at - used));
                if (obj < wsObj) {
                    ws = s;
                    wsObj = obj;
                    wsFrom = first.name();
                    trace.add(new TracePoint(at, obj, null));
                }
            } else {
                notes.add(String.format(Locale.ROOT, "%s answered %s%s in %.2f s", first.name(), o.solution().status(),
                        o.valid() ? "" : " (invalid: " + o.report().summary() + ")", at - used));
            }
        }
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        String how = k == 1 ? (ws != null ? "warm start from " : "no warm start: ") + notes.get(0)
                : (ws != null ? "warm start from " + wsFrom : "no warm start") + " (" + String.join("; ", notes) + ")";
        double left = Math.max(0.01, options.timeLimitSeconds() - firstSeconds);
        SolveResult r = then.solve(ci, options.withTimeLimit(left).withWarmStart(ws));
        for (TracePoint p : r.trace()) trace.add(new TracePoint(p.seconds() + firstSeconds, p.objectiveTicks(), p.boundTicks()));
        String message = r.message() == null ? how : r.message() + "; " + how;
        if (!r.status().hasSchedule() && ws != null && r.status() != Status.INFEASIBLE && r.status() != Status.ERROR) {
            trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, wsObj, null));
            return new SolveResult(Status.FEASIBLE, ws, r.lowerBoundTicks(), trace, message + "; " + then.name() + " found none: answering the warm start");
        }
        return new SolveResult(r.status(), r.schedule(), r.lowerBoundTicks(), trace, message);
    }

    private static String fmt(double ticks) {
        return ticks == Math.rint(ticks) ? Long.toString((long) ticks) : Double.toString(ticks);
    }
}
