package io.edgesplit.backend.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.sat.SatParameters;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Exact backend {@code cpsat}: the whole of SPEC 1 as one Google OR-Tools CP-SAT model, on the same
 * integer ticks as {@link CompiledInstance}, so a proven optimum is an optimum of the validator's problem.
 *
 * <h2>The model (a flexible job shop with transfer intervals)</h2>
 * <ul>
 *   <li><b>Placement.</b> Per layer a start and an end variable and, per node it can run on, a presence
 *   literal {@code x[n]} (exactly one is true) with an optional interval of the fixed size {@code proc(n)}
 *   sharing that start and end. The duration is also stated explicitly, {@code end = start + Σ proc(n)·x[n]},
 *   which propagates far better than the alternatives alone (SPEC 5). {@code x[n]} forces
 *   {@code start ≥ availableAt(n)}.</li>
 *   <li><b>Compute.</b> One no-overlap per node over the optional intervals of positive size (a zero-tick
 *   layer occupies nothing, SPEC 1.4).</li>
 *   <li><b>Transfers.</b> One transfer item per (tensor, destination q), not per DAG edge: a tensor read by
 *   two layers on the same other node is sent once (SPEC 1.3). Its "needed on q" literal is the OR of its
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
 * Redundant constraints (each a parameter, off by default because none measured better here, see
 * {@code docs/cpsat.md}): per-node load cuts for the makespan, a cumulative over all layers with capacity =
 * node count, and symmetry breaking among identical nodes. Horizon: everything done one after another after the latest release/availableAt, which every
 * placement can meet, so no solution is cut off.
 */
public final class CpSatSolver implements Solver {
    /** With more (layer, node) placement choices than this, {@code warmStartMode = auto} uses the neighbourhood search. */
    static final int NEIGHBOURHOOD_THRESHOLD = 3000;

    private static volatile boolean nativesLoaded;

    private static synchronized void loadNatives() {
        // Loading twice is harmless but slow, and loading concurrently has crashed JVMs: once, guarded.
        if (!nativesLoaded) {
            Loader.loadNativeLibraries();
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

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofBoolean("loadCuts", false, "per-node load cuts (makespan): availableAt + Σ proc·x ≤ makespan, likewise for ingress"),
                ParamSpec.ofBoolean("cumulative", false, "redundant cumulative over all layers with capacity = node count"),
                ParamSpec.ofBoolean("symmetry", false, "symmetry breaking among identical nodes (same times, links, eligibility; no origin)"),
                ParamSpec.ofBoolean("deterministic", false, "with several workers, use CP-SAT's interleaved search: same seed and workers, same answer, "
                        + "but several times slower here (docs/cpsat.md); default: CP-SAT's parallel portfolio, deterministic only with 1 worker"),
                ParamSpec.ofString("warmStartMode", "auto", "hint (the whole model, every variable hinted with the warm start) | neighbourhood "
                        + "(CP-SAT on sub-models around the warm start: placements of a growing set of tasks freed, the others fixed) | auto "
                        + "(neighbourhood above " + NEIGHBOURHOOD_THRESHOLD + " placement choices, else hint)"),
                ParamSpec.ofBoolean("fixToWarmStart", false, "fix every variable to the warm start's value (checks that the hint is a complete feasible solution)"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        long t0 = System.nanoTime();
        loadNatives();
        String mode = options.params().getString("warmStartMode", "auto");
        if (!List.of("auto", "hint", "neighbourhood").contains(mode))
            throw new IllegalArgumentException("params.warmStartMode: expected auto, hint or neighbourhood, got " + mode);
        boolean fix = options.params().getBoolean("fixToWarmStart", false);
        if (fix && options.warmStart() == null) throw new IllegalArgumentException("params.fixToWarmStart: needs a warm start");
        if (options.warmStart() != null && !fix
                && (mode.equals("neighbourhood") || mode.equals("auto") && ci.placementChoices() > NEIGHBOURHOOD_THRESHOLD))
            return new NeighbourhoodSearch(ci, options, t0).run();
        return solveWhole(ci, options, t0);
    }

    /** Building a model outlasted the time limit (models of thousands of layers take seconds to build here). */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() { super("the time limit ended while building the model", null, false, false); }
    }

    /**
     * Stops CP-SAT runs that outlast their limit: CP-SAT checks its own limit only now and then during presolve
     * (a 1 s limit took up to 6 s on a 1720-layer model here), while stopSearch() is seen sooner.
     */
    private static final java.util.concurrent.ScheduledExecutorService STOPPER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "cpsat-stopper");
                th.setDaemon(true);
                return th;
            });

    /** What one CP-SAT run on one model ended with. */
    private record Run(CpSolverStatus status, Schedule schedule, Double bound, double wallSeconds) {}

    /** Receives each solution CP-SAT reports: its objective and bound in ticks (bound may be null). */
    private interface OnSolution { void accept(double objectiveTicks, Double boundTicks); }

    /** Solves one model for at most {@code seconds}, hinted with {@code hint} when not null. */
    private static Run run(Model m, SolveOptions options, double seconds, Schedule hint, OnSolution onSolution) {
        long start = System.nanoTime();
        if (hint != null) m.hint(hint);
        CpSolver solver = new CpSolver();
        SatParameters.Builder p = solver.getParameters();
        p.setMaxTimeInSeconds(Math.max(0.01, seconds));
        p.setNumWorkers(options.workers());
        p.setRandomSeed((int) (options.seed() ^ (options.seed() >>> 32)) & Integer.MAX_VALUE);
        if (options.workers() > 1 && options.params().getBoolean("deterministic", false)) p.setInterleaveSearch(true);
        if (m.fixedNode != null) {
            // Sub-models of the neighbourhood search: with CP-SAT's symmetry detection and probing on, most
            // steps that freed a task's placements ended in presolve without even reporting the complete
            // hint; without them every step answers, and 20 s runs from medag improved 1.3-6.5 % instead of
            // 1.3-1.8 % (docs/cpsat.md). Switching presolve off as well helped too but overran the limit.
            p.setSymmetryLevel(0);
            p.setCpModelProbingLevel(0);
        }
        if (options.params().getBoolean("fixToWarmStart", false)) p.setFixVariablesToTheirHintedValue(true);
        if (options.log()) {
            p.setLogSearchProgress(true);
            p.setLogToStdout(false);
            // Only the log callback (never with a best-bound callback: that combination crashes, SPEC 5).
            solver.setLogCallback(System.err::println);
        }
        // Kept in a local that is used after solve(): the native side holds only a weak reference.
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                // The callback's own objectiveValue(): the solver's crashes the JVM inside a callback (SPEC 5).
                onSolution.accept(m.ticks(objectiveValue()), m.boundTicks(bestObjectiveBound()));
            }
        };
        var stopper = STOPPER.schedule(solver::stopSearch, (long) (Math.max(0.01, seconds) * 1e9) + 20_000_000L,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        CpSolverStatus st;
        try {
            st = solver.solve(m.cp, callback);
        } finally {
            stopper.cancel(false);
        }
        Schedule schedule = null;
        Double bound = m.boundTicks(solver.bestObjectiveBound());
        switch (st) {
            case OPTIMAL, FEASIBLE -> schedule = m.extract(solver);
            case INFEASIBLE, UNKNOWN -> { }
            default -> throw new IllegalStateException("CP-SAT says " + st + " (a bug in the cpsat model): " + solver.getSolutionInfo());
        }
        java.lang.ref.Reference.reachabilityFence(callback); // the callback must outlive the native solve
        return new Run(st, schedule, bound, (System.nanoTime() - start) / 1e9);
    }

    /** The whole model in one CP-SAT run (the default, and what can prove optimality). */
    private SolveResult solveWhole(CompiledInstance ci, SolveOptions options, long t0) {
        Model m = new Model(ci, options);
        // A warm start bounds the objective and the time domains (sound: see Model.boundBy).
        if (options.warmStart() != null) m.boundBy(options.warmStart());
        try {
            m.build(options.deadlineNanos(t0));
        } catch (OutOfTime e) {
            double wall = (System.nanoTime() - t0) / 1e9;
            String note = "workers=" + options.workers() + "; the limit ended while building the model";
            if (options.warmStart() == null)
                return new SolveResult(Status.UNKNOWN, null, null, List.of(new TracePoint(wall, null, null)), note);
            Schedule ws = options.warmStart();
            return new SolveResult(Status.FEASIBLE, ws, null, List.of(new TracePoint(wall, ws.objectiveTicks(ci), null)),
                    note + ": returning the warm start");
        }
        List<TracePoint> trace = Collections.synchronizedList(new ArrayList<>());
        Run r = run(m, options, options.timeLimitSeconds() - (System.nanoTime() - t0) / 1e9, options.warmStart(),
                (obj, b) -> trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, b)));
        double wall = (System.nanoTime() - t0) / 1e9;
        Status status = switch (r.status()) {
            case OPTIMAL -> m.exactWeights ? Status.OPTIMAL : Status.FEASIBLE;
            case FEASIBLE -> Status.FEASIBLE;
            case INFEASIBLE -> Status.INFEASIBLE;
            default -> Status.UNKNOWN;
        };
        String note = "workers=" + options.workers() + weightNote(m);
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
        return new SolveResult(status, schedule, floor(bound), new ArrayList<>(trace), note);
    }

    private static String weightNote(Model m) {
        return (m.exactWeights ? "" : "; weights rounded to multiples of 1e-6, optimal only for the rounded weights")
                + (m.weightScale > 1 && m.exactWeights ? "; weights scaled by " + m.weightScale : "");
    }

    private static Long floor(Double bound) {
        return bound != null && Double.isFinite(bound) ? (long) Math.floor(bound + 1e-9) : null;
    }

    /**
     * CP-SAT around a warm start, for models too large for one run (on this machine presolve of the whole
     * model of a 1000-layer instance outlasts a 20 s limit, so a hint is never even read). Each step solves a
     * sub-model: the placements of a few tasks are free, every other task keeps the incumbent's placement,
     * and start times are free except for tasks that lie entirely before or after the freed ones' span
     * ({@link #freezeOutside}); the incumbent is a complete hint and the objective may not exceed it.
     * The first step frees no placement (a pure timing problem, quick to presolve), so CP-SAT's first
     * solution comes early. The number of freed tasks doubles after a sub-model is solved to optimality
     * and halves after a step that neither proves nor improves. Once it covers every task the step is the
     * whole model (with the incumbent as an upper bound, which cuts off no optimum), and only that step can
     * prove optimality or give a bound. Freed tasks: one task (alternately the worst one and a random one)
     * and the tasks sharing a node with those chosen, in random order by the seed.
     */
    private static final class NeighbourhoodSearch {
        static final int EXTRA_NODES = 2;
        final CompiledInstance ci;
        final SolveOptions options;
        final long t0, deadline;
        final Random random;
        final List<TracePoint> trace = Collections.synchronizedList(new ArrayList<>());
        Schedule best;
        volatile double bestObj;
        int steps, improved, largest;

        NeighbourhoodSearch(CompiledInstance ci, SolveOptions options, long t0) {
            this.ci = ci;
            this.options = options;
            this.t0 = t0;
            this.deadline = options.deadlineNanos(t0);
            this.random = new Random(options.seed());
            this.best = options.warmStart();
            this.bestObj = best.objectiveTicks(ci);
        }

        SolveResult run() {
            int T = ci.taskCount();
            int k = 0;
            // A tenth of the limit per step, at least half a second: several steps even in short runs.
            double slice = Math.max(0.5, options.timeLimitSeconds() / 10);
            boolean proven = false;
            Double bound = null;
            String weights = "";
            while ((deadline - System.nanoTime()) / 1e9 > 0.05) {
                boolean whole = k >= T;
                boolean[] free = whole ? null : chooseFree(k);
                Model m = new Model(ci, options, whole ? null : fixAllBut(free));
                if (!whole && k > 0) {
                    m.fixedStart = freezeOutside(free);
                    m.allowedNode = someNodes(free);
                }
                m.boundBy(best);
                try {
                    m.build(deadline);
                } catch (OutOfTime e) {
                    break;
                }
                weights = weightNote(m);
                double remaining = (deadline - System.nanoTime()) / 1e9;
                if (remaining <= 0.05) break;
                Run r = CpSatSolver.run(m, options, whole ? remaining : Math.min(remaining, slice), best,
                        (obj, b) -> {
                            if (obj <= bestObj) trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, whole ? b : null));
                        });
                steps++;
                largest = Math.max(largest, Math.min(k, T));
                double obj = r.schedule() == null ? Double.POSITIVE_INFINITY : r.schedule().objectiveTicks(ci);
                boolean better = obj < bestObj;
                if (obj <= bestObj) { // an equal schedule is taken too: the next step starts from CP-SAT's own
                    best = r.schedule();
                    bestObj = obj;
                }
                if (better) improved++;
                if (whole) {
                    bound = r.bound();
                    proven = r.status() == CpSolverStatus.OPTIMAL && m.exactWeights;
                    break;
                }
                if (options.log())
                    System.err.printf(java.util.Locale.ROOT, "neighbourhood step %d: %d of %d tasks free, %.2f s slice: %s, best %.0f at %.2f s%n",
                            steps, Math.min(k, T), T, slice, r.status(), bestObj, (System.nanoTime() - t0) / 1e9);
                if (r.status() == CpSolverStatus.OPTIMAL) k = Math.min(T, Math.max(1, 2 * k));
                else if (better) k = Math.max(1, k);
                else {
                    k = Math.max(1, k / 2);
                    // A step that did not even finish presolve needs more time, not only a smaller neighbourhood.
                    if (r.schedule() == null) slice *= 2;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (proven) bound = bestObj;
            trace.add(new TracePoint(wall, bestObj, bound));
            String note = "workers=" + options.workers() + weights + "; neighbourhood search around the warm start: " + steps
                    + " CP-SAT runs, " + improved + " improved, up to " + largest + " of " + T + " tasks' placements free"
                    + (proven ? "; the last run was the whole model" : "");
            return new SolveResult(proven ? Status.OPTIMAL : Status.FEASIBLE, best, floor(bound), new ArrayList<>(trace), note);
        }

        /** k tasks: a first one (alternately the worst and a random one), then tasks sharing its nodes. */
        boolean[] chooseFree(int k) {
            int T = ci.taskCount();
            boolean[] free = new boolean[T];
            if (k <= 0) return free;
            int first;
            if (steps % 2 == 1) {
                first = 0;
                double worst = -1;
                for (int t = 0; t < T; t++) {
                    double v = ci.objective() == Objective.MAKESPAN ? best.completion(ci, t)
                            : ci.weight(t) * (best.completion(ci, t) - ci.release(t));
                    if (v > worst) {
                        worst = v;
                        first = t;
                    }
                }
            } else first = random.nextInt(T);
            free[first] = true;
            int chosen = 1;
            boolean[] nodeChosen = new boolean[ci.nodeCount()];
            for (int l = 0; l < ci.layerCount(first); l++) nodeChosen[best.node(first, l)] = true;
            List<Integer> order = new ArrayList<>();
            for (int t = 0; t < T; t++) order.add(t);
            Collections.shuffle(order, random);
            // First the tasks that use one of the chosen tasks' nodes while the first task is in the system
            // (the ones it may be waiting for, or that wait for it), then any sharing a node, then any.
            long lo = ci.release(first), hi = best.completion(ci, first);
            for (int pass = 0; pass < 3 && chosen < k; pass++)
                for (int t : order) {
                    if (chosen >= k) break;
                    if (free[t]) continue;
                    boolean related = pass == 2;
                    for (int l = 0; l < ci.layerCount(t) && !related; l++)
                        related = nodeChosen[best.node(t, l)]
                                && (pass == 1 || best.start(t, l) <= hi && best.end(ci, t, l) >= lo);
                    if (!related) continue;
                    free[t] = true;
                    chosen++;
                    for (int l = 0; l < ci.layerCount(t); l++) nodeChosen[best.node(t, l)] = true;
                }
            return free;
        }

        /**
         * The incumbent's start times for the tasks whose [release, completion] does not meet the freed tasks'
         * span (from their earliest release to their latest completion): they are the least likely to gain
         * from the freed tasks moving, and fixing them keeps sub-models of large instances small (on the
         * 5908-layer testbed-large-s1 a step with one task freed went from "no solution within its slice"
         * to solved to optimality in about 1 s). The incumbent stays a solution, so no step is infeasible.
         */
        long[][] freezeOutside(boolean[] free) {
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (int t = 0; t < ci.taskCount(); t++)
                if (free[t]) {
                    lo = Math.min(lo, ci.release(t));
                    hi = Math.max(hi, best.completion(ci, t));
                }
            long[][] fixed = new long[ci.taskCount()][];
            for (int t = 0; t < ci.taskCount(); t++) {
                if (free[t] || ci.release(t) <= hi && best.completion(ci, t) >= lo) continue;
                fixed[t] = new long[ci.layerCount(t)];
                for (int l = 0; l < ci.layerCount(t); l++) fixed[t][l] = best.start(t, l);
            }
            return fixed;
        }

        /**
         * For each freed task, the nodes it may use in the step: those it uses now, its origin, and
         * {@value #EXTRA_NODES} more drawn at random. A freed task on all of 14 nodes brought thousands of
         * optional transfer intervals, and CP-SAT did not get from presolve to its first solution within a
         * step; the whole-model step (all tasks freed) still allows every node.
         */
        boolean[][] someNodes(boolean[] free) {
            boolean[][] allowed = new boolean[ci.taskCount()][];
            for (int t = 0; t < ci.taskCount(); t++) {
                if (!free[t]) continue;
                allowed[t] = new boolean[ci.nodeCount()];
                allowed[t][ci.origin(t)] = true;
                for (int l = 0; l < ci.layerCount(t); l++) allowed[t][best.node(t, l)] = true;
                List<Integer> others = new ArrayList<>();
                for (int n = 0; n < ci.nodeCount(); n++) if (!allowed[t][n] && ci.eligible(t, n)) others.add(n);
                Collections.shuffle(others, random);
                for (int i = 0; i < Math.min(EXTRA_NODES, others.size()); i++) allowed[t][others.get(i)] = true;
            }
            return allowed;
        }

        int[][] fixAllBut(boolean[] free) {
            int[][] fixed = new int[ci.taskCount()][];
            for (int t = 0; t < ci.taskCount(); t++) {
                if (free[t]) continue;
                fixed[t] = new int[ci.layerCount(t)];
                for (int l = 0; l < ci.layerCount(t); l++) fixed[t][l] = best.node(t, l);
            }
            return fixed;
        }
    }

    /** One transfer item: a tensor of a task to a destination node, from one of several possible sources. */
    private static final class Item {
        final int t, tensor, q;
        IntVar ts, te;
        final Literal[] y;      // per source node, or null where impossible
        final long[] d;         // duration per source node
        Literal needed;         // some consumer of the tensor is on q (constant true for a return)

        Item(int t, int tensor, int q, int n) {
            this.t = t;
            this.tensor = tensor;
            this.q = q;
            y = new Literal[n];
            d = new long[n];
        }
    }

    /** A BoolVar defined as the AND or the OR of positive literals; kept to compute hints. */
    private record Def(BoolVar var, boolean and, Literal[] of) {}

    /** The CP-SAT model of one instance and its variables. */
    private static final class Model {
        final CompiledInstance ci;
        final SolveOptions options;
        final CpModel cp = new CpModel();
        final int N;
        final long horizon;
        Literal TRUE;
        IntVar[][] s, e;
        Literal[][][] x;        // [t][l][n], null where the layer cannot run
        Item[][][] items;       // [t][tensor + 1][q], null where no transfer can be needed
        IntVar[] completion;
        IntVar makespan;
        final List<Def> defs = new ArrayList<>();
        final List<int[]> symmetric = new ArrayList<>();     // pairs (a, b) of identical nodes, a < b, consecutive in their class
        final List<List<Integer>> classes = new ArrayList<>();
        final List<BoolVar[]> prefixes = new ArrayList<>();  // per symmetric pair: prefix "a used by activity ≤ i"
        long weightScale = 1;
        boolean exactWeights = true;
        long[] scaledWeight;
        double objectiveOffset;
        LinearArgument objective; // in CP units (weights scaled), what cp minimises
        final int[][] fixedNode; // [t] = the node of every layer of task t, or null where placements are free
        long[][] fixedStart;     // [t] = the start of every layer of task t, or null where start times are free
        Schedule upper;          // a known schedule the answer must be at least as good as, or null
        long[] taskHorizon;      // [t] = latest time any activity of task t may end

        Model(CompiledInstance ci, SolveOptions options) { this(ci, options, null); }

        /** A model whose placements are fixed to {@code fixedNode[t]} for every task with a non-null row. */
        Model(CompiledInstance ci, SolveOptions options, int[][] fixedNode) {
            this.ci = ci;
            this.options = options;
            this.N = ci.nodeCount();
            this.horizon = horizon(ci);
            this.fixedNode = fixedNode;
        }

        boolean[][] allowedNode; // [t][n]: for a task whose placements are free, the nodes it may use (null: all)

        /** The nodes a layer may use in this model. */
        int[] nodes(int t, int l) {
            if (fixedNode != null && fixedNode[t] != null) return new int[]{fixedNode[t][l]};
            if (allowedNode == null || allowedNode[t] == null) return ci.nodesFor(t, l);
            return Arrays.stream(ci.nodesFor(t, l)).filter(n -> allowedNode[t][n]).toArray();
        }

        /**
         * Call before {@link #build}: admit only schedules at least as good as {@code known} (objective ≤ its
         * own, exactly, in CP units), and shrink every task's time domain accordingly. No optimum is cut off:
         * an optimum is at least as good as {@code known}, every activity of a task ends by its completion
         * (every layer precedes an output), and a task's completion is at most the makespan, or, for total
         * latency, {@code release + ⌊UB / w⌋} since every other term is ≥ 0. A domain of ~10^9 ticks where
         * ~10^6 suffice slowed CP-SAT's presolve on the medium instances.
         */
        void boundBy(Schedule known) { upper = known; }

        /** The objective of {@code known} in CP units (weights scaled). */
        long cpObjective(Schedule known) {
            long v = 0;
            for (int t = 0; t < ci.taskCount(); t++)
                v = ci.objective() == Objective.MAKESPAN ? Math.max(v, known.completion(ci, t))
                        : v + scaledWeight[t] * (known.completion(ci, t) - ci.release(t));
            return v;
        }

        /** Latest release/availableAt plus every activity's longest duration: any placement fits, serially. */
        static long horizon(CompiledInstance ci) {
            long h = 0;
            for (int n = 0; n < ci.nodeCount(); n++) h = Math.max(h, ci.availableAt(n));
            for (int t = 0; t < ci.taskCount(); t++) h = Math.max(h, ci.release(t));
            for (int t = 0; t < ci.taskCount(); t++) {
                for (int l = -1; l < ci.layerCount(t); l++) {
                    if (l >= 0) {
                        long mp = 0;
                        for (int n : ci.nodesFor(t, l)) mp = Math.max(mp, ci.proc(t, l, n));
                        h += mp;
                    }
                    double bytes = ci.tensorBytes(t, l);
                    for (int q = 0; q < ci.nodeCount(); q++) {
                        long md = 0;
                        for (int p = 0; p < ci.nodeCount(); p++) if (p != q) md = Math.max(md, ci.transfer(bytes, p, q));
                        h += md;
                    }
                }
            }
            return h;
        }

        boolean isTrue(Literal l) { return l == TRUE; }

        Literal and(Literal a, Literal b) {
            if (isTrue(a)) return b;
            if (isTrue(b)) return a;
            BoolVar v = cp.newBoolVar("and");
            cp.addImplication(v, a);
            cp.addImplication(v, b);
            cp.addBoolOr(new Literal[]{a.not(), b.not(), v});
            defs.add(new Def(v, true, new Literal[]{a, b}));
            return v;
        }

        Literal or(List<Literal> lits) {
            for (Literal l : lits) if (isTrue(l)) return TRUE;
            if (lits.size() == 1) return lits.get(0);
            BoolVar v = cp.newBoolVar("or");
            Literal[] all = new Literal[lits.size() + 1];
            for (int i = 0; i < lits.size(); i++) {
                cp.addImplication(lits.get(i), v);
                all[i] = lits.get(i);
            }
            all[lits.size()] = v.not();
            cp.addBoolOr(all);
            defs.add(new Def(v, false, lits.toArray(new Literal[0])));
            return v;
        }

        Literal[] when(Literal... lits) {
            return Arrays.stream(lits).filter(l -> !isTrue(l)).toArray(Literal[]::new);
        }

        void build() { build(Long.MAX_VALUE); }

        /** Builds the model; throws {@link OutOfTime} once {@code deadlineNanos} has passed (checked per task). */
        void build(long deadlineNanos) {
            TRUE = cp.trueLiteral();
            int T = ci.taskCount();
            if (ci.objective() == Objective.TOTAL_LATENCY) scaleWeights();
            taskHorizon = new long[T];
            Arrays.fill(taskHorizon, horizon);
            long ub = upper == null ? -1 : cpObjective(upper);
            if (upper != null)
                for (int t = 0; t < T; t++) {
                    if (ci.objective() == Objective.MAKESPAN) taskHorizon[t] = Math.min(horizon, ub);
                    else if (scaledWeight[t] > 0) taskHorizon[t] = Math.min(horizon, ci.release(t) + ub / scaledWeight[t]);
                }
            s = new IntVar[T][];
            e = new IntVar[T][];
            x = new Literal[T][][];
            items = new Item[T][][];
            completion = new IntVar[T];
            List<List<IntervalVar>> compute = new ArrayList<>(), ingress = new ArrayList<>();
            for (int n = 0; n < N; n++) {
                compute.add(new ArrayList<>());
                ingress.add(new ArrayList<>());
            }
            LinearExprBuilder[] load = new LinearExprBuilder[N], inLoad = new LinearExprBuilder[N];
            for (int n = 0; n < N; n++) {
                load[n] = LinearExpr.newBuilder();
                inLoad[n] = LinearExpr.newBuilder();
            }
            boolean cumulative = options.params().getBoolean("cumulative", false);
            CumulativeConstraint cumul = cumulative ? cp.addCumulative(N) : null;
            boolean ingressMode = ci.contention() == Contention.INGRESS;

            for (int t = 0; t < T; t++) {
                if (System.nanoTime() > deadlineNanos) throw new OutOfTime();
                int L = ci.layerCount(t);
                s[t] = new IntVar[L];
                e[t] = new IntVar[L];
                x[t] = new Literal[L][N];
                long release = ci.release(t);
                for (int l = 0; l < L; l++) {
                    int[] nodes = nodes(t, l);
                    long lo = Long.MAX_VALUE;
                    for (int n : nodes) lo = Math.min(lo, Math.max(release, ci.availableAt(n)));
                    s[t][l] = cp.newIntVar(lo, taskHorizon[t], "s" + t + "_" + l);
                    e[t][l] = cp.newIntVar(lo, taskHorizon[t], "e" + t + "_" + l);
                    LinearExprBuilder dur = LinearExpr.newBuilder();
                    List<Literal> pres = new ArrayList<>();
                    for (int n : nodes) {
                        long p = ci.proc(t, l, n);
                        Literal xn = nodes.length == 1 ? TRUE : cp.newBoolVar("x" + t + "_" + l + "_" + n);
                        x[t][l][n] = xn;
                        pres.add(xn);
                        if (nodes.length == 1) dur.add(p);
                        else dur.addTerm((BoolVar) xn, p);
                        if (p > 0) {
                            compute.get(n).add(cp.newOptionalIntervalVar(s[t][l], LinearExpr.constant(p), e[t][l], xn, "c" + t + "_" + l + "_" + n));
                            if (nodes.length == 1) load[n].add(p);
                            else load[n].addTerm((BoolVar) xn, p);
                        }
                        if (ci.availableAt(n) > lo)
                            cp.addGreaterOrEqual(s[t][l], ci.availableAt(n)).onlyEnforceIf(when(xn));
                    }
                    if (nodes.length > 1) cp.addExactlyOne(pres);
                    LinearExpr d = dur.build();
                    // The explicit duration (SPEC 5's measured tip): end = start + Σ proc·x.
                    cp.addEquality(LinearExpr.newBuilder().add(e[t][l]).addTerm(s[t][l], -1).build(), d);
                    if (cumul != null) {
                        // CP-SAT intervals take at most one variable in their size: name the duration.
                        long lo2 = Long.MAX_VALUE, hi2 = 0;
                        for (int n : nodes) {
                            lo2 = Math.min(lo2, ci.proc(t, l, n));
                            hi2 = Math.max(hi2, ci.proc(t, l, n));
                        }
                        IntVar dv = cp.newIntVar(lo2, hi2, "d" + t + "_" + l);
                        cp.addEquality(dv, d);
                        cumul.addDemand(cp.newIntervalVar(s[t][l], dv, e[t][l], "m" + t + "_" + l), 1);
                    }
                    for (int pr : ci.preds(t, l)) cp.addGreaterOrEqual(s[t][l], e[t][pr]);
                    if (fixedStart != null && fixedStart[t] != null) cp.addEquality(s[t][l], fixedStart[t][l]);
                }

                // Transfer items, one per (tensor, destination).
                items[t] = new Item[L + 1][N];
                int origin = ci.origin(t);
                for (int tensor = -1; tensor < L; tensor++) {
                    for (int q = 0; q < N; q++) {
                        List<Literal> consumers = new ArrayList<>();
                        if (tensor < 0) {
                            if (q == origin) continue;
                            for (int l = 0; l < L; l++) if (ci.readsInput(t, l) && x[t][l][q] != null) consumers.add(x[t][l][q]);
                        } else {
                            for (int v : ci.succs(t, tensor)) if (x[t][v][q] != null) consumers.add(x[t][v][q]);
                            if (ci.isOutput(t, tensor) && q == origin) consumers.add(TRUE);
                        }
                        if (consumers.isEmpty()) continue;
                        Item it = new Item(t, tensor, q, N);
                        boolean anySource = false;
                        double bytes = ci.tensorBytes(t, tensor);
                        for (int p = 0; p < N; p++) {
                            if (p == q) continue;
                            Literal src = tensor < 0 ? (p == origin ? TRUE : null) : x[t][tensor][p];
                            if (src == null) continue;
                            anySource = true;
                            it.d[p] = ci.transfer(bytes, p, q);
                        }
                        if (!anySource) continue;
                        it.needed = or(consumers);
                        LinearExprBuilder dur = LinearExpr.newBuilder();
                        long ready = tensor < 0 ? release : 0;
                        it.ts = cp.newIntVar(ready, taskHorizon[t], "ts" + t + "_" + tensor + "_" + q);
                        it.te = cp.newIntVar(ready, taskHorizon[t], "te" + t + "_" + tensor + "_" + q);
                        for (int p = 0; p < N; p++) {
                            if (p == q) continue;
                            Literal src = tensor < 0 ? (p == origin ? TRUE : null) : x[t][tensor][p];
                            if (src == null) continue;
                            Literal y = and(src, it.needed);
                            it.y[p] = y;
                            if (isTrue(y)) dur.add(it.d[p]);
                            else dur.addTerm((BoolVar) y, it.d[p]);
                            if (it.d[p] > 0 && ingressMode) {
                                ingress.get(q).add(cp.newOptionalIntervalVar(it.ts, LinearExpr.constant(it.d[p]), it.te, y,
                                        "tr" + t + "_" + tensor + "_" + p + "_" + q));
                                if (isTrue(y)) inLoad[q].add(it.d[p]);
                                else inLoad[q].addTerm((BoolVar) y, it.d[p]);
                            }
                        }
                        cp.addEquality(LinearExpr.newBuilder().add(it.te).addTerm(it.ts, -1).build(), dur.build());
                        if (tensor >= 0) cp.addGreaterOrEqual(it.ts, e[t][tensor]);
                        items[t][tensor + 1][q] = it;
                    }
                }
                // Consumers wait for the transfer that brings their tensor (only when the producer is elsewhere).
                for (int l = 0; l < L; l++) {
                    for (int q : nodes(t, l)) {
                        if (ci.readsInput(t, l) && q != origin) {
                            Item it = items[t][0][q];
                            cp.addGreaterOrEqual(s[t][l], it.te).onlyEnforceIf(when(x[t][l][q]));
                        }
                        for (int u : ci.preds(t, l)) {
                            Item it = items[t][u + 1][q];
                            if (it == null) continue; // u always on q: the same-node precedence suffices
                            List<Literal> en = new ArrayList<>(List.of(when(x[t][l][q])));
                            if (x[t][u][q] != null) en.add(x[t][u][q].not());
                            cp.addGreaterOrEqual(s[t][l], it.te).onlyEnforceIf(en.toArray(new Literal[0]));
                        }
                    }
                    if (ci.granularity() == Granularity.SEGMENT && l > 0)
                        for (int n = 0; n < N; n++)
                            if (x[t][l - 1][n] != null && x[t][l][n] != null)
                                cp.addEquality(s[t][l], e[t][l - 1]).onlyEnforceIf(when(x[t][l - 1][n], x[t][l][n]));
                }
                // Completion: the latest output end on the origin or return-transfer end.
                completion[t] = cp.newIntVar(release, taskHorizon[t], "C" + t);
                for (int u = 0; u < L; u++) {
                    if (!ci.isOutput(t, u)) continue;
                    cp.addGreaterOrEqual(completion[t], e[t][u]);
                    Item ret = items[t][u + 1][origin];
                    if (ret != null) {
                        Literal onOrigin = x[t][u][origin];
                        if (onOrigin == null) cp.addGreaterOrEqual(completion[t], ret.te);
                        else cp.addGreaterOrEqual(completion[t], ret.te).onlyEnforceIf(onOrigin.not());
                    }
                }
            }
            for (int n = 0; n < N; n++) {
                if (compute.get(n).size() > 1) cp.addNoOverlap(compute.get(n));
                if (ingress.get(n).size() > 1) cp.addNoOverlap(ingress.get(n));
            }

            if (ci.objective() == Objective.MAKESPAN) {
                makespan = cp.newIntVar(0, ub >= 0 ? Math.min(horizon, ub) : horizon, "makespan");
                for (int t = 0; t < T; t++) cp.addGreaterOrEqual(makespan, completion[t]);
                if (options.params().getBoolean("loadCuts", false)) {
                    long minRelease = Long.MAX_VALUE;
                    for (int t = 0; t < T; t++) minRelease = Math.min(minRelease, ci.release(t));
                    for (int n = 0; n < N; n++) {
                        // Everything on n starts at or after availableAt(n), never overlaps, and ends by the makespan.
                        cp.addGreaterOrEqual(makespan, load[n].add(ci.availableAt(n)).build());
                        if (ingressMode) cp.addGreaterOrEqual(makespan, inLoad[n].add(minRelease).build());
                    }
                }
                objective = makespan;
                cp.minimize(makespan);
            } else {
                LinearExprBuilder obj = LinearExpr.newBuilder();
                long offset = 0;
                for (int t = 0; t < T; t++) {
                    obj.addTerm(completion[t], scaledWeight[t]);
                    offset += scaledWeight[t] * ci.release(t);
                }
                obj.add(-offset);
                objective = obj.build();
                cp.minimize(objective);
            }
            if (upper != null) cp.addLessOrEqual(objective, ub);
            // Relabelling nodes would move fixed placements: symmetry breaking only on the free model.
            if (options.params().getBoolean("symmetry", false) && fixedNode == null) breakSymmetry();
        }

        /** The smallest power of ten (≤ 10^6) that makes every weight an integer; else rounding at 10^6. */
        void scaleWeights() {
            int T = ci.taskCount();
            scaledWeight = new long[T];
            for (long k = 1; k <= 1_000_000; k *= 10) {
                boolean ok = true;
                for (int t = 0; t < T && ok; t++) {
                    double w = ci.weight(t) * k;
                    ok = Math.abs(w - Math.rint(w)) <= 1e-9 * Math.max(1, Math.abs(w));
                }
                if (ok) {
                    weightScale = k;
                    for (int t = 0; t < T; t++) scaledWeight[t] = Math.round(ci.weight(t) * k);
                    return;
                }
            }
            weightScale = 1_000_000;
            exactWeights = false;
            for (int t = 0; t < T; t++) scaledWeight[t] = Math.round(ci.weight(t) * weightScale);
        }

        /** The CP objective value in ticks. */
        Double ticks(double cpValue) { return cpValue / weightScale; }

        Double boundTicks(double cpBound) {
            if (!Double.isFinite(cpBound)) return null;
            double b = cpBound / weightScale;
            // With rounded weights the CP bound is a bound of another objective: report none rather than a wrong one.
            return exactWeights ? Math.max(0, b) : null;
        }

        /**
         * Identical nodes (same ticks for every layer and every tensor to and from every other node, same
         * eligibility, availableAt, kind, and no task's origin) are interchangeable: relabelling them maps
         * solutions to solutions of equal objective. We keep only the labelling in which, for consecutive
         * nodes a < b of a class, a is first used by an earlier activity (task-major, layer order) than b.
         */
        void breakSymmetry() {
            boolean[] isOrigin = new boolean[N];
            for (int t = 0; t < ci.taskCount(); t++) isOrigin[ci.origin(t)] = true;
            boolean[] taken = new boolean[N];
            for (int a = 0; a < N; a++) {
                if (taken[a] || isOrigin[a]) continue;
                List<Integer> cls = new ArrayList<>(List.of(a));
                for (int b = a + 1; b < N; b++)
                    if (!taken[b] && !isOrigin[b] && identical(a, b)) {
                        cls.add(b);
                        taken[b] = true;
                    }
                if (cls.size() < 2) continue;
                classes.add(cls);
                for (int k = 0; k + 1 < cls.size(); k++) pairConstraint(cls.get(k), cls.get(k + 1));
            }
        }

        boolean identical(int a, int b) {
            if (ci.nodeKind(a) != ci.nodeKind(b) || ci.availableAt(a) != ci.availableAt(b)) return false;
            for (int t = 0; t < ci.taskCount(); t++) {
                if (ci.eligible(t, a) != ci.eligible(t, b)) return false;
                for (int l = 0; l < ci.layerCount(t); l++) if (ci.proc(t, l, a) != ci.proc(t, l, b)) return false;
                for (int tensor = -1; tensor < ci.layerCount(t); tensor++) {
                    double bytes = ci.tensorBytes(t, tensor);
                    if (ci.transfer(bytes, a, b) != ci.transfer(bytes, b, a)) return false;
                    for (int r = 0; r < N; r++) {
                        if (r == a || r == b) continue;
                        if (ci.transfer(bytes, a, r) != ci.transfer(bytes, b, r) || ci.transfer(bytes, r, a) != ci.transfer(bytes, r, b))
                            return false;
                    }
                }
            }
            return true;
        }

        void pairConstraint(int a, int b) {
            List<Literal> xa = new ArrayList<>(), xb = new ArrayList<>();
            for (int t = 0; t < ci.taskCount(); t++)
                for (int l = 0; l < ci.layerCount(t); l++) {
                    xa.add(x[t][l][a]);
                    xb.add(x[t][l][b]);
                }
            BoolVar[] prefix = new BoolVar[xa.size()];
            for (int i = 0; i < xa.size(); i++) {
                prefix[i] = cp.newBoolVar("sym" + a + "_" + b + "_" + i);
                // prefix[i] ⇒ prefix[i−1] ∨ xa[i]: true only when some activity ≤ i is on a.
                List<Literal> or = new ArrayList<>();
                or.add(prefix[i].not());
                if (i > 0) or.add(prefix[i - 1]);
                if (xa.get(i) != null) or.add(xa.get(i));
                cp.addBoolOr(or);
                if (xb.get(i) != null) {
                    if (i == 0) cp.addBoolOr(new Literal[]{xb.get(i).not()});
                    else cp.addImplication(xb.get(i), prefix[i - 1]);
                }
            }
            symmetric.add(new int[]{a, b});
            prefixes.add(prefix);
        }

        /** Hints every variable with the warm start (relabelled to respect the symmetry breaking). */
        void hint(Schedule ws0) {
            Schedule ws = relabel(ws0);
            Map<Literal, Boolean> val = new IdentityHashMap<>();
            for (int t = 0; t < ci.taskCount(); t++)
                for (int l = 0; l < ci.layerCount(t); l++) {
                    cp.addHint(s[t][l], ws.start(t, l));
                    cp.addHint(e[t][l], ws.end(ci, t, l));
                    for (int n = 0; n < N; n++) {
                        Literal xn = x[t][l][n];
                        if (xn == null || isTrue(xn)) continue;
                        val.put(xn, ws.node(t, l) == n);
                        cp.addHint(xn, ws.node(t, l) == n);
                    }
                }
            val.put(TRUE, true);
            for (Def d : defs) {
                boolean v = d.and();
                for (Literal l : d.of()) v = d.and() ? v && val.get(l) : v || val.get(l);
                val.put(d.var(), v);
                cp.addHint(d.var(), v);
            }
            for (int t = 0; t < ci.taskCount(); t++) {
                Map<Long, Transfer> given = new HashMap<>();
                for (Transfer tr : ws.transfers(t)) given.put(((long) tr.tensor() + 1) * N + tr.to(), tr);
                for (Item[] byTensor : items[t])
                    for (Item it : byTensor) {
                        if (it == null) continue;
                        Transfer tr = given.get(((long) it.tensor + 1) * N + it.q);
                        long ready = it.tensor < 0 ? ci.release(t) : ws.end(ci, t, it.tensor);
                        long start = tr == null ? ready : tr.start();
                        long dur = tr == null ? 0 : it.d[tr.from()];
                        cp.addHint(it.ts, start);
                        cp.addHint(it.te, start + dur);
                    }
                cp.addHint(completion[t], ws.completion(ci, t));
            }
            if (makespan != null) {
                long mk = 0;
                for (int t = 0; t < ci.taskCount(); t++) mk = Math.max(mk, ws.completion(ci, t));
                cp.addHint(makespan, mk);
            }
            for (int k = 0; k < symmetric.size(); k++) {
                int a = symmetric.get(k)[0];
                BoolVar[] prefix = prefixes.get(k);
                boolean used = false;
                int i = 0;
                for (int t = 0; t < ci.taskCount(); t++)
                    for (int l = 0; l < ci.layerCount(t); l++, i++) {
                        used |= ws.node(t, l) == a;
                        cp.addHint(prefix[i], used);
                    }
            }
        }

        /** Renames identical nodes in a schedule so that each class is used in first-use order. */
        Schedule relabel(Schedule ws) {
            if (classes.isEmpty()) return ws;
            int[] map = new int[N];
            for (int n = 0; n < N; n++) map[n] = n;
            for (List<Integer> cls : classes) {
                List<Integer> order = new ArrayList<>(cls);
                Map<Integer, Integer> firstUse = new HashMap<>();
                int i = 0;
                for (int t = 0; t < ci.taskCount(); t++)
                    for (int l = 0; l < ci.layerCount(t); l++, i++) firstUse.putIfAbsent(ws.node(t, l), i);
                order.sort((p, q) -> Integer.compare(firstUse.getOrDefault(p, Integer.MAX_VALUE), firstUse.getOrDefault(q, Integer.MAX_VALUE)));
                for (int k = 0; k < cls.size(); k++) map[order.get(k)] = cls.get(k);
            }
            int T = ci.taskCount();
            int[][] node = new int[T][];
            long[][] start = new long[T][];
            List<List<Transfer>> trs = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                node[t] = new int[ci.layerCount(t)];
                start[t] = new long[ci.layerCount(t)];
                for (int l = 0; l < ci.layerCount(t); l++) {
                    node[t][l] = map[ws.node(t, l)];
                    start[t][l] = ws.start(t, l);
                }
                List<Transfer> tl = new ArrayList<>();
                for (Transfer tr : ws.transfers(t)) tl.add(new Transfer(tr.tensor(), map[tr.from()], map[tr.to()], tr.start()));
                trs.add(tl);
            }
            return new Schedule(node, start, trs);
        }

        /** The schedule of the solver's final solution, with exactly the transfers the placement requires. */
        Schedule extract(CpSolver solver) {
            int T = ci.taskCount();
            int[][] node = new int[T][];
            long[][] start = new long[T][];
            List<List<Transfer>> trs = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                int L = ci.layerCount(t);
                node[t] = new int[L];
                start[t] = new long[L];
                for (int l = 0; l < L; l++) {
                    node[t][l] = -1;
                    for (int n = 0; n < N; n++)
                        if (x[t][l][n] != null && (isTrue(x[t][l][n]) || solver.booleanValue(x[t][l][n]))) node[t][l] = n;
                    start[t][l] = solver.value(s[t][l]);
                }
                List<Transfer> tl = new ArrayList<>();
                for (Item[] byTensor : items[t])
                    for (Item it : byTensor) {
                        if (it == null) continue;
                        for (int p = 0; p < N; p++)
                            if (it.y[p] != null && (isTrue(it.y[p]) || solver.booleanValue(it.y[p])))
                                tl.add(new Transfer(it.tensor, p, it.q, solver.value(it.ts)));
                    }
                trs.add(tl);
            }
            return new Schedule(node, start, trs);
        }
    }
}
