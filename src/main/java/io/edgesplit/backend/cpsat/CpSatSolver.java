package io.edgesplit.backend.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolverStatus;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Exact backend {@code cpsat}: the whole problem of docs/model.md as one Google OR-Tools CP-SAT model, on the same
 * integer ticks as {@link CompiledInstance}, so a proven optimum is an optimum of the validator's problem.
 *
 * <h2>The model (a flexible job shop with transfer intervals)</h2>
 * <ul>
 *   <li><b>Placement.</b> Per layer a start and an end variable and, per node it can run on, a presence
 *   literal {@code x[n]} (exactly one is true) with an optional interval of the fixed size {@code proc(n)}
 *   sharing that start and end. The duration is also stated explicitly, {@code end = start + Σ proc(n)·x[n]},
 *   which propagates far better than the alternatives alone (docs/cpsat.md). {@code x[n]} forces
 *   {@code start ≥ availableAt(n)}.</li>
 *   <li><b>Compute.</b> One no-overlap per node over the optional intervals of positive size (a zero-tick
 *   layer occupies nothing, docs/model.md).</li>
 *   <li><b>Transfers.</b> One transfer item per (tensor, destination q), not per DAG edge: a tensor read by
 *   two layers on the same other node is sent once (docs/model.md). Its "needed on q" literal is the OR of its
 *   consumers' {@code x[q]} (for a return transfer: true); per possible source {@code p ≠ q} a literal
 *   {@code y[p] = x_producer[p] ∧ needed} with an optional interval of the fixed size
 *   {@code transfer(bytes, p, q)} on q's ingress no-overlap (contention {@code ingress}; with
 *   {@code none} the transfer is only a delay). Input transfers come from the origin (source fixed) and
 *   start at or after release; internal ones at or after the producer's end. A consumer on q whose
 *   producer is elsewhere starts after the transfer's end; every consumer starts after its producer's end
 *   anyway.</li>
 *   <li><b>Segments.</b> With granularity {@code segment}, consecutive layers (list order) on the same node
 *   run back to back: {@code start[l] = end[l−1]} enforced by {@code x[l−1][n] ∧ x[l][n]}.</li>
 *   <li><b>Objective.</b> {@code C_t ≥} the end of each output layer on the origin and of each return
 *   transfer; makespan = max C_t; total latency = Σ w_t (C_t − release_t) with weights scaled to integers
 *   (by the smallest power of ten up to 10^6 that makes them integral; otherwise rounded at 10^6, and then
 *   an optimum is reported as FEASIBLE with a message, since it is optimal only for the rounded weights).</li>
 * </ul>
 * Warm start: by default a hint of every variable; on instances with more than
 * {@value #NEIGHBOURHOOD_THRESHOLD} placement choices, where presolving the whole model outlasts the limit,
 * a neighbourhood search around it instead ({@link NeighbourhoodSearch}).
 * Redundant constraints, each a parameter: per-node load cuts for the makespan (on by default: without
 * them CP-SAT's bound on Brandimarte's Mk07 stayed at 44 against the optimum 139), a cumulative over all
 * layers with capacity = node count and symmetry breaking among identical nodes (off: neither measured
 * better, docs/cpsat.md). A transfer that takes zero ticks from every possible source gets no variables.
 * Fluctuations (docs/model.md §8): an option whose duration changes with its start tick is split at the
 * ticks where it changes into pieces of constant duration, one literal per piece (exactly one true iff the
 * option is chosen) confining the start to the piece, and one interval whose size is the chosen piece's
 * duration (or, with {@code fluctuationIntervals = pieces}, an optional interval per piece); options that do not
 * fluctuate where they can start are modelled as above, so static instances get the very same model.
 * Horizon: everything done one after another after the latest release/availableAt, which every placement
 * can meet, so no solution is cut off. Time: the limit covers building the model and presolve
 * ({@link CpSatRun}).
 *
 * <p>The package, one role per file: this entry point and its parameters; {@link CpSatRun} (one CP-SAT run,
 * its parameters, the timer that stops it); {@link NeighbourhoodSearch}; the model in layers,
 * {@link CpSatVariables} → {@link CpSatSymmetry} → {@link CpSatConstraints} → {@link CpSatModel} (hints and
 * the schedule of a solution).
 */
public final class CpSatSolver implements Solver {
    /** With more (layer, node) placement choices than this, {@code warmStartMode = auto} uses the neighbourhood search. */
    static final int NEIGHBOURHOOD_THRESHOLD = 3000;

    private static volatile boolean nativesLoaded;

    private static synchronized void loadNatives() {
        // Loading twice is harmless but slow, and loading concurrently has crashed JVMs: once, guarded.
        if (!nativesLoaded) {
            // In a thread of its own, waited for without giving up: the solve thread may be interrupted at its
            // deadline (io.edgesplit.solver.DeadlineRun), and an interrupt in the middle of extracting and
            // loading the libraries left them half loaded (UnsatisfiedLinkError in every later solve).
            Thread t = new Thread(Loader::loadNativeLibraries, "ortools-loader");
            t.start();
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            nativesLoaded = true;
        }
    }

    @Override
    public String name() { return "cpsat"; }

    @Override
    public String description() {
        return "OR-Tools CP-SAT model of the whole problem (optional intervals per node, transfer intervals on ingress); proves optimality";
    }

    @Override
    public boolean exact() { return true; }

    /** Durations that follow the start tick are modelled piece by piece (docs/model.md §8, docs/cpsat.md). */
    @Override
    public boolean handlesFluctuations() { return true; }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofBoolean("loadCuts", true, "per-node load cuts (makespan): availableAt + Σ proc·x ≤ makespan, likewise for ingress; "
                        + "what lets CP-SAT prove the Brandimarte FJSP optima (docs/cpsat.md)"),
                ParamSpec.ofBoolean("cumulative", false, "redundant cumulative over all layers with capacity = node count"),
                ParamSpec.ofBoolean("symmetry", false, "symmetry breaking among identical nodes (same times, links, eligibility; no origin)"),
                ParamSpec.ofBoolean("deterministic", false, "with several workers, use CP-SAT's interleaved search: same seed and workers, same answer, "
                        + "but several times slower here (docs/cpsat.md); default: CP-SAT's parallel portfolio, deterministic only with 1 worker"),
                ParamSpec.ofChoice("warmStartMode", "auto", List.of("auto", "hint", "neighbourhood"), "hint (the whole model, every variable hinted with the warm start) | neighbourhood "
                        + "(CP-SAT on sub-models around the warm start: placements of a growing set of tasks freed, the others fixed) | auto "
                        + "(neighbourhood above " + NEIGHBOURHOOD_THRESHOLD + " placement choices, else hint)"),
                ParamSpec.ofChoice("fluctuationIntervals", "sized", List.of("sized", "pieces"), "under fluctuations (docs/model.md §8), an option whose "
                        + "duration changes with its start: one interval of variable size (sized, measured faster) or one optional interval per piece "
                        + "(pieces); docs/cpsat.md"),
                ParamSpec.ofBoolean("fixToWarmStart", false, "fix every variable to the warm start's value (checks that the hint is a complete feasible solution)"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        long t0 = System.nanoTime();
        loadNatives();
        String mode = options.params().getString("warmStartMode", "auto"); // a declared choice, checked before the solve
        boolean fix = options.params().getBoolean("fixToWarmStart", false);
        if (fix && options.warmStart() == null) throw new IllegalArgumentException("params.fixToWarmStart: needs a warm start");
        if (options.warmStart() != null && !fix
                && (mode.equals("neighbourhood") || mode.equals("auto") && ci.placementChoices() > NEIGHBOURHOOD_THRESHOLD))
            return new NeighbourhoodSearch(ci, options, t0).run();
        return solveWhole(ci, options, t0);
    }

    /** The whole model in one CP-SAT run (the default, and what can prove optimality). */
    private SolveResult solveWhole(CompiledInstance ci, SolveOptions options, long t0) {
        // A warm start bounds the objective and the time domains (sound: see SubModel.upper).
        CpSatModel m = new CpSatModel(ci, options,
                options.warmStart() == null ? SubModel.whole() : SubModel.whole().boundedBy(options.warmStart()));
        long deadline = options.deadlineNanos(t0);
        long buildStart = System.nanoTime();
        String why = null;
        try {
            m.build(CpSatRun.buildBy(deadline, options.timeLimitSeconds()));
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            // Handing a model to CP-SAT (serialising and loading it) and its first presolve phases cannot be
            // interrupted and grow with the model: the 8980-layer campus-light-large model, built in about
            // 45 s, came back 51 s after a 60 s limit. A model that left less than twice its build time for
            // CP-SAT would not get past presolve anyway, so it is not started.
            if ((CpSatRun.stopBy(deadline, buildSeconds) - System.nanoTime()) / 1e9 < 2 * buildSeconds)
                why = String.format(java.util.Locale.ROOT, "the model took %.1f s to build, too little time was left to presolve it", buildSeconds);
        } catch (CpSatRun.OutOfTime e) {
            why = "the limit ended while building the model";
        }
        if (why != null) {
            double wall = (System.nanoTime() - t0) / 1e9;
            String note = "workers=" + options.workers() + "; " + why;
            if (options.warmStart() == null)
                return new SolveResult(Status.UNKNOWN, null, null, List.of(new TracePoint(wall, null, null)), note);
            Schedule ws = options.warmStart();
            return new SolveResult(Status.FEASIBLE, ws, null, List.of(new TracePoint(wall, ws.objectiveTicks(ci), null)),
                    note + ": returning the warm start");
        }
        List<TracePoint> trace = Collections.synchronizedList(new ArrayList<>());
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        long stop = CpSatRun.stopBy(deadline, buildSeconds);
        CpSatRun.Run r = CpSatRun.run(m, options, stop, Double.POSITIVE_INFINITY, options.warmStart(),
                (obj, b) -> trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, b)), buildSeconds > 1);
        double wall = (System.nanoTime() - t0) / 1e9;
        Status status = switch (r.status()) {
            case OPTIMAL -> m.exactWeights ? Status.OPTIMAL : Status.FEASIBLE;
            case FEASIBLE -> Status.FEASIBLE;
            case INFEASIBLE -> Status.INFEASIBLE;
            default -> Status.UNKNOWN;
        };
        String note = "workers=" + options.workers() + CpSatRun.weightNote(m);
        Double bound = r.bound();
        Schedule schedule = r.schedule();
        if (schedule != null) {
            double obj = schedule.objectiveTicks(ci);
            if (r.status() == CpSolverStatus.OPTIMAL && m.exactWeights) bound = obj;
            trace.add(new TracePoint(wall, obj, bound));
        } else if (status == Status.UNKNOWN) {
            if (options.warmStart() != null) {
                // CP-SAT reads a hint only after presolve: on large models the limit can end first. The warm
                // start is a valid schedule of this instance, so it stays the answer rather than "no solution".
                schedule = options.warmStart();
                status = Status.FEASIBLE;
                note += "; no solution found within the limit: returning the warm start";
                trace.add(new TracePoint(wall, schedule.objectiveTicks(ci), bound));
            } else {
                trace.add(new TracePoint(wall, null, bound));
            }
        }
        return new SolveResult(status, schedule, CpSatRun.floor(bound), new ArrayList<>(trace), note);
    }
}
