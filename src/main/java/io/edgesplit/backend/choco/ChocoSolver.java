package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;

import java.util.List;

/**
 * Exact backend {@code choco}: the constraint model of the problem (docs/model.md) in Choco Solver 5 (optional tasks on
 * capacity-1 cumulative resources, see {@link ChocoModel}), solved by branch and bound.
 *
 * <p>How a solve runs (details and measurements in {@code docs/choco.md}); the parts by role:
 * <ol>
 *   <li>{@link StartingSchedules}: an incumbent first, in the calling thread (the warm start when the
 *   validator accepts it, else schedule-builder schedules and every task on its best placement alone). It
 *   bounds the horizons, and a feasible answer always exists.</li>
 *   <li>{@link SolveRun}: the phases, run in a daemon worker thread. For the makespan one complete search
 *   for the whole limit; for total latency complete / LNS / complete ({@code lnsShare}); above
 *   {@value #NEIGHBOURHOOD_THRESHOLD} placement choices the {@link NeighbourhoodSearch} on sub-models
 *   around the best schedule; {@code workers} ≥ 2 runs the {@link Portfolio}.</li>
 *   <li>{@link ChocoJob}: one Choco run on a {@link ChocoModel} that admits only schedules strictly better
 *   than the incumbent, searched as {@link SearchStrategies} says (placements first, then start times;
 *   last-conflict, Luby restarts, lazy clause generation in complete searches, whose model starts from the
 *   {@link RootBounds} of a propagation without it). A complete search that ends unstopped proves the best
 *   schedule optimal.</li>
 *   <li>Deadline: the calling thread answers at the time limit whatever the worker does (model building
 *   and Choco's propagation do not look at the clock); cancelling stops the worker within milliseconds
 *   (build checks, a stop criterion, the {@link Watchdog} propagator).</li>
 * </ol>
 * Result: {@code OPTIMAL} when a complete search of the whole model ends unstopped; otherwise
 * {@code FEASIBLE} with the objective's lower bound after root propagation (floored to whole ticks) and the
 * anytime trace. {@code INFEASIBLE} never occurs: the schedule builder makes a feasible schedule of every
 * valid instance.
 */
public final class ChocoSolver implements Solver {
    /** Above this many (layer, node) placement choices, {@code auto} on total latency runs LNS between two complete searches. */
    static final int LNS_THRESHOLD = 60;

    /**
     * Above this many placement choices lazy clause generation stays off, whatever {@code lcg} says. Under
     * LCG Choco gives the intermediate sums of the load cuts eager literals over dense domains: on the
     * 1163-layer campus-light-medium-s1 creating one took seconds inside a single, uninterruptible
     * {@code scalar} call, and the abandoned worker kept running long after the deadline. The committed
     * small instances have at most 168 choices; the medium ones 1064 and more.
     */
    static final int LCG_MAX_CHOICES = 600;

    /**
     * Above this many placement choices {@code search = auto} runs the neighbourhood search on sub-models
     * ({@link NeighbourhoodSearch}) instead of the whole model (the committed small instances have at most
     * 168 choices, the medium ones 1064 and more).
     */
    static final int NEIGHBOURHOOD_THRESHOLD = 600;

    @Override
    public String name() { return "choco"; }

    @Override
    public String description() {
        return "Choco Solver 5 CP model (optional tasks, cumulative resources), branch and bound; proves optimality";
    }

    @Override
    public boolean exact() { return true; }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofChoice("search", "auto", List.of("auto", "complete", "lns-then-complete", "neighbourhood"), "auto | complete | lns-then-complete | neighbourhood (Choco on sub-models around the best schedule; auto uses it above " + NEIGHBOURHOOD_THRESHOLD + " placement choices)"),
                ParamSpec.ofChoice("branching", "auto", List.of("auto", "placement-first", "dwd"),
                        "auto (placement-first for makespan, dwd for total latency) | placement-first (dom/wdeg on placements, then smallest start) | dwd (Choco dom/wdeg on placements, then on times)"),
                ParamSpec.ofBoolean("restarts", true, "Luby restarts in the complete search"),
                ParamSpec.ofBoolean("lcg", true, "Choco 5 lazy clause generation in complete searches (never under LNS, where Choco 5.0.0 reports solutions with unassigned variables, nor above " + LCG_MAX_CHOICES + " placement choices)"),
                ParamSpec.ofBoolean("redundant", true, "per-node load cuts for the makespan"),
                ParamSpec.ofDouble("lnsShare", 0.5, "share of the time limit given to LNS (after a complete search on 20% of it, under search = auto)"),
                ParamSpec.ofChoice("placementOrder", "domwdeg", List.of("domwdeg", "chs"), "placement-first: which placement to branch on: domwdeg | chs (conflict history)"),
                ParamSpec.ofBoolean("pathBounds", true, "per-task heads and tails of each (layer, node) from the task alone"),
                ParamSpec.ofChoice("secondWorker", "lns", List.of("lns", "complete"), "with workers >= 2, what the second job runs next to the complete search: lns | complete (the other branching)"),
                ParamSpec.ofChoice("neighbourhoodTimes", "span", List.of("span", "freed", "alternate"), "neighbourhood search: which start times a step frees besides the freed tasks': span (every task overlapping the freed tasks' span) | freed (none: the others keep theirs) | alternate"),
                ParamSpec.ofBoolean("rootPresolve", true, "with lazy clause generation: propagate the root without it first and start the LCG model from those bounds"),
                ParamSpec.ofChoice("timeHints", "auto", List.of("auto", "on", "off"), "neighbourhood search: the best schedule's start times as hints in each sub-model: auto (total latency only) | on | off"),
                ParamSpec.ofDouble("buildShare", 1.0 / 3, "share of a phase's time that building its model may take before the phase is given up"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        long t0 = System.nanoTime();
        long deadline = options.deadlineNanos(t0);
        // Choices were checked against parameters() before the solve (Params.checkAgainst).
        String search = options.params().getString("search", "auto");
        String branching = options.params().getString("branching", "auto");
        // placement-first for both objectives since the path bounds give it a good value order (docs/choco.md)
        if (branching.equals("auto")) branching = "placement-first";

        SolveRun run = new SolveRun(ci, t0, StartingSchedules.firstIncumbent(ci, options.warmStart()));
        // More schedule-builder candidates, each only while it clearly fits (none of this is interruptible;
        // a 29,000-layer instance needs about 0.6 s per schedule in a fresh JVM).
        long per = System.nanoTime() - t0;
        for (java.util.function.Supplier<Schedule> more : StartingSchedules.moreIncumbents(ci)) {
            long a = System.nanoTime();
            if (deadline - a < 2 * per) break;
            run.offer(more.get());
            per = Math.max(per, System.nanoTime() - a);
        }
        // Model building and Choco's root propagation do not look at the clock, and on instances with a
        // thousand layers or more they outlast short limits. So the phases run in a worker thread, and this
        // thread answers at the deadline whatever the worker is doing: with the best schedule published so
        // far (the incumbent always exists). Cancelling makes the worker stop within milliseconds (stop
        // criterion, Watchdog propagator, build checks), so an abandoned solve does not slow the next one.
        String b = branching;
        Thread worker = new Thread(() -> run.execute(options, search, b, deadline), "choco-" + ci.name());
        worker.setDaemon(true);
        worker.start();
        try {
            long wait = deadline - STOP_MARGIN_NANOS - System.nanoTime();
            if (wait > 0) worker.join(Math.max(1, wait / 1_000_000));
            if (worker.isAlive()) {
                run.cancel();
                worker.join(GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) worker.interrupt();
        return run.finish(!worker.isAlive());
    }

    /** The answer is assembled this long before the deadline when the worker is still busy. */
    static final long STOP_MARGIN_NANOS = 30_000_000L;
    /** How long a cancelled worker may take to publish its last state before we answer without it. */
    static final long GRACE_MILLIS = 150;


    /** The best of the warm start (if valid) and a few schedule-builder schedules (measurement harness). */
    static Schedule initialIncumbent(CompiledInstance ci, Schedule warm) {
        return StartingSchedules.initialIncumbent(ci, warm);
    }
}
