package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state one solve shares between its worker thread (which runs the phases and publishes every
 * improving schedule) and the calling thread (which answers, at the latest at the deadline).
 */
final class SolveRun {
    final CompiledInstance ci;
    final long t0;
    /** Whether the model is small enough for lazy clause generation ({@link ChocoSolver#LCG_MAX_CHOICES}). */
    final boolean lcgAllowed;
    volatile boolean cancelled;
    /** The best objective in model units (see {@link ChocoModel#scaledObjective}), shared by parallel jobs. */
    volatile long bestScaled = Long.MAX_VALUE;
    private Schedule best;
    private final List<TracePoint> trace = new ArrayList<>();
    private Long bound;
    private boolean proven;
    private String note;
    private RuntimeException failure;
    private boolean answered;

    SolveRun(CompiledInstance ci, long t0, Schedule incumbent) {
        this.ci = ci;
        this.t0 = t0;
        this.lcgAllowed = ci.placementChoices() <= ChocoSolver.LCG_MAX_CHOICES;
        this.best = incumbent;
        trace.add(new TracePoint(seconds(t0), incumbent.objectiveTicks(ci), null));
    }

    void cancel() { cancelled = true; }

    synchronized Schedule best() { return best; }

    /** A schedule found outside Choco (the schedule builder): kept when strictly better. */
    synchronized void offer(Schedule s) { offer(s, Long.MAX_VALUE); }

    /** A schedule and its objective in model units (which parallel jobs adopt as their cut). */
    synchronized void offer(Schedule s, long scaled) {
        if (answered) return;
        double obj = s.objectiveTicks(ci);
        if (obj >= best.objectiveTicks(ci)) return;
        best = s;
        if (scaled < bestScaled) bestScaled = scaled;
        trace.add(new TracePoint(seconds(t0), obj, null));
    }

    synchronized void phaseEnded(Phase p) {
        if (answered) return;
        bound = max(bound, p.bound);
        note = p.note;
        proven = p.proven && !cancelled;
    }

    synchronized void note(String n) {
        if (!answered) note = n;
    }

    void execute(SolveOptions options, String search, String branching, long deadline) {
        try {
            phases(options, search, branching, deadline);
        } catch (RuntimeException e) {
            // after a cancel, whatever the interrupted Choco run throws does not matter: the answer stands
            if (!cancelled) synchronized (this) { failure = e; }
        } catch (OutOfMemoryError e) {
            // The model of a large instance can exceed the heap; it is unreachable once we are here, and
            // the incumbent is still a valid answer.
            synchronized (this) { note = "the Choco model ran out of memory; returning the best schedule-builder / warm-start schedule"; }
        } catch (Error e) {
            // e.g. an assertion inside Choco: reported as an error, never silently as a plain FEASIBLE
            if (!cancelled) synchronized (this) { failure = new IllegalStateException("choco: " + e, e); }
        }
    }

    private void phases(SolveOptions options, String search, String branching, long deadline) {
        double share = Math.min(0.9, Math.max(0.0, options.params().getDouble("lnsShare", 0.5)));
        boolean lcg = options.params().getBoolean("lcg", true);
        long choices = ci.placementChoices();
        if (search.equals("neighbourhood") || search.equals("auto") && choices > ChocoSolver.NEIGHBOURHOOD_THRESHOLD) {
            // The whole model of a medium or large instance is too large to build and search in the limit:
            // Choco on sub-models around the best schedule instead (docs/choco.md).
            NeighbourhoodSearch.run(this, options, branching, deadline);
            return;
        }
        if (options.workers() > 1) {
            // Parallel: one phase for the whole time, a complete search next to the other jobs, all
            // sharing their best objective (docs/choco.md).
            phaseEnded(Portfolio.run(this, options, best(), branching, deadline));
            return;
        }
        // The plan: (LNS?, end of the phase as a share of the time limit). The last phase is always complete.
        List<double[]> plan = new ArrayList<>();
        if (search.equals("lns-then-complete")) plan.add(new double[]{1, share});
        else if (search.equals("auto") && choices > ChocoSolver.LNS_THRESHOLD && ci.objective() == Objective.TOTAL_LATENCY) {
            // Total latency: a short complete search first (it proves the easy ones), then LNS, then complete
            // again from the best schedule found. The makespan gets one complete search for the whole time:
            // on the campus-heavy tuning instances it proved as many or more, sooner (docs/choco.md).
            plan.add(new double[]{0, 0.2});
            plan.add(new double[]{1, Math.min(0.95, 0.2 + share)});
        }
        plan.add(new double[]{0, 1.0});
        long setup = 0;
        for (int i = 0; i < plan.size() && !cancelled; i++) {
            double[] step = plan.get(i);
            // A phase that cannot even pay for building and propagating its model is not started.
            if (i > 0 && deadline - System.nanoTime() < 3 * setup) break;
            long end = i == plan.size() - 1 ? deadline : t0 + (long) ((deadline - t0) * step[1]);
            Phase p = ChocoJob.run(this, options, best(), step[0] == 1, branching, options.seed(), end, new AtomicBoolean(), null, lcg);
            setup = Math.max(setup, p.setupNanos);
            phaseEnded(p);
            if (p.proven && !cancelled) break;
        }
    }

    /** The answer; {@code workerDone} is false when the worker was abandoned at the deadline. */
    synchronized SolveResult finish(boolean workerDone) {
        answered = true;
        if (failure != null) throw failure;
        double obj = best.objectiveTicks(ci);
        List<TracePoint> out = new ArrayList<>(trace);
        // Weights with more than 6 decimals were rounded (IntegerWeights): neither proof nor bound holds.
        io.edgesplit.solver.IntegerWeights weights = ci.objective() == io.edgesplit.model.Objective.TOTAL_LATENCY
                ? io.edgesplit.solver.IntegerWeights.of(ci) : null;
        if (weights != null && !weights.exact()) {
            out.add(new TracePoint(seconds(t0), obj, null));
            return new SolveResult(Status.FEASIBLE, best, null, out, weights.note() + (note == null ? "" : "; " + note));
        }
        if (proven && workerDone) {
            out.add(new TracePoint(seconds(t0), obj, obj));
            return new SolveResult(Status.OPTIMAL, best, (long) Math.floor(obj + 1e-9), out, null);
        }
        Long b = bound == null ? null : Math.min(bound, (long) Math.floor(obj + 1e-9));
        out.add(new TracePoint(seconds(t0), obj, b == null ? null : b.doubleValue()));
        String msg = note;
        if (cancelled) msg = "time limit reached" + (workerDone ? "" : " while Choco was still building or propagating its model")
                + "; returning the best schedule found";
        return new SolveResult(Status.FEASIBLE, best, b, out, msg);
    }

    static Long max(Long a, Long b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.max(a, b);
    }

    static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
