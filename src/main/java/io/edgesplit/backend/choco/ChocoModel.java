package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.UnsupportedInstanceException;
import org.chocosolver.solver.Cause;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The Choco constraint model of the problem (docs/model.md) on the integer ticks of {@link CompiledInstance}.
 *
 * <p>Variables per task t and layer l: the placement {@code X[t][l]} (domain = the nodes where
 * {@code proc != CANNOT_RUN}) with one boolean view {@code x[t][l][n] ⇔ X = n} per node, the start
 * {@code S[t][l]} and the end {@code E = S + Σ_n proc(n)·x[n]}. Per tensor τ (−1 = model input) and
 * destination node q that some consumer of τ may use: the transfer start {@code TS[t][τ][q]}; the transfer
 * is performed iff a consumer sits on q and τ's source is not q (one transfer per distinct (tensor,
 * destination), docs/model.md). Resources are capacity-1 {@code cumulative}s of {@link Task}s: per node one for
 * compute (an optional task per (layer, node) with the placement boolean as "performed", on a private start
 * equal to the layer's start when performed, see {@link #alternative}) and, under contention ingress, one
 * per destination for the transfers into it (an optional task per possible source). Zero-tick items are
 * left out of every resource (docs/model.md: they occupy nothing); Choco would drop them anyway. Redundant:
 * per-task heads and tails ({@link RedundantConstraints#postPathBounds}), per-task completion bounds and, for the makespan,
 * per-node load cuts.
 */
final class ChocoModel {
    static {
        // Under lazy clause generation, Choco 5.0.0's cumulative builds the reasons of its height/capacity
        // step (height ≤ capacity for a performed task) with the capacity's literal where Reason.r expects an
        // empty first slot, and an assertion there fails (only with -ea, e.g. in tests). Our heights and
        // capacities are the constant 1, so that step never changes a domain and its reason is never used;
        // the assertion is switched off for that one class before Choco first loads it.
        ClassLoader loader = Model.class.getClassLoader();
        if (loader != null) loader.setClassAssertionStatus("org.chocosolver.sat.Reason", false);
    }

    /** Largest tick value we let into an int domain; sums of a few of them must not overflow. */
    static final long INT_LIMIT = Integer.MAX_VALUE / 4;

    final CompiledInstance ci;
    final Model model;
    final int T;
    final IntVar[][] X;
    final BoolVar[][][] x;
    final IntVar[][] S;
    final IntVar[][] E;
    /** Transfers: per task a list, each with its tensor, destination, start variable and possible sources. */
    final List<List<TransferVar>> transfers = new ArrayList<>();
    final IntVar[] completion;
    /** The variable minimised: makespan, or Σ w'·(C − release) with integer-scaled weights. */
    final IntVar objective;
    /** Total latency only: the integer weights are {@code weight × weightScale} (rounded when {@code !exactWeights}). */
    final long weightScale;
    /** Whether the integer weights are exact (IntegerWeights): a proof with rounded weights is no proof. */
    final boolean exactWeights;
    final long[] scaledWeight;
    /** Per task: the latest tick any of its items may end at (see {@link Horizons#of}). */
    final long[] horizon;
    private final List<IntVar> auxiliary = new ArrayList<>();

    /** One (tensor, destination) transfer slot of a task. */
    record TransferVar(int tensor, int to, IntVar start, int[] sources, BoolVar performed) {}

    /**
     * @param incumbent a feasible schedule; its objective bounds the horizons, and the model only admits
     *                  strictly better schedules when {@code strictlyBetter}
     */
    /** Thrown when building the model would outlast the time limit (large instances). */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        TooLarge(String message) { super(message, null, false, false); }
    }

    private final long buildDeadline;
    private final BooleanSupplier cancelled;
    private final boolean pathBounds;
    /**
     * Per task, layer and node: head + proc + tail of {@link RedundantConstraints#postPathBounds} (the shortest schedule of the
     * task alone with that layer on that node), or null without path bounds. A value-ordering hint.
     */
    final long[][][] pathLength;

    void checkTime() {
        if (cancelled.getAsBoolean())
            throw new TooLarge("the time limit ended while the Choco model of " + ci.totalLayers() + " layers was being built");
        if (System.nanoTime() > buildDeadline)
            throw new TooLarge("the Choco model of " + ci.totalLayers() + " layers could not be built within the time limit");
    }

    /**
     * @param buildDeadline System.nanoTime() by which the model must be built, or {@link TooLarge} is thrown
     * @param cancelled     true once the solve's time is up: building stops ({@link TooLarge}) and
     *                      propagation fails at once ({@link Watchdog}), so an abandoned solve stops burning CPU
     */
    ChocoModel(CompiledInstance ci, Schedule incumbent, boolean strictlyBetter, boolean lcg, boolean redundant, long buildDeadline,
               BooleanSupplier cancelled) {
        this(ci, incumbent, strictlyBetter, lcg, redundant, true, buildDeadline, cancelled);
    }

    /** @param pathBounds whether to post the per-task heads and tails ({@link #postPathBounds}) */
    ChocoModel(CompiledInstance ci, Schedule incumbent, boolean strictlyBetter, boolean lcg, boolean redundant, boolean pathBounds,
               long buildDeadline, BooleanSupplier cancelled) {
        this(ci, incumbent, strictlyBetter, lcg, redundant, pathBounds, buildDeadline, cancelled, null);
    }

    /**
     * A sub-model of the problem (a neighbourhood of the incumbent, {@link NeighbourhoodSearch}): per
     * (task, layer) the nodes it may use (a non-empty subset of its eligible nodes), and per task whether
     * its layer and transfer starts are fixed to the incumbent's. Every schedule of the sub-model is a
     * schedule of the problem; its redundant constraints are computed on the sub-model (they relax it).
     */
    record Restriction(int[][][] nodes, boolean[] fixedTimes) {}

    private final Restriction restriction;
    final Schedule incumbent;

    /** The nodes (t, l) may use in this model. */
    int[] nodesFor(int t, int l) { return restriction == null ? ci.nodesFor(t, l) : restriction.nodes()[t][l]; }

    boolean canRun(int t, int l, int n) {
        if (restriction == null) return ci.canRun(t, l, n);
        for (int m : restriction.nodes()[t][l]) if (m == n) return true;
        return false;
    }

    boolean fixedTimes(int t) { return restriction != null && restriction.fixedTimes()[t]; }

    /** @param restriction null for the whole problem, else a sub-model around {@code incumbent} */
    ChocoModel(CompiledInstance ci, Schedule incumbent, boolean strictlyBetter, boolean lcg, boolean redundant, boolean pathBounds,
               long buildDeadline, BooleanSupplier cancelled, Restriction restriction) {
        this.restriction = restriction;
        this.incumbent = incumbent;
        this.pathBounds = pathBounds;
        this.pathLength = pathBounds ? new long[ci.taskCount()][][] : null;
        this.buildDeadline = buildDeadline;
        this.cancelled = cancelled;
        this.ci = ci;
        this.T = ci.taskCount();
        // No table substitution: Choco turns some small-looking scalars (many booleans and one wide
        // variable) into compact tables, which exhausted a 2 GB heap on a 266-layer instance.
        Settings settings = Settings.init().setLCG(lcg).setEnableTableSubstitution(false);
        this.model = new Model("edgesplit-" + ci.name(), settings);
        io.edgesplit.solver.IntegerWeights iw = ci.objective() == Objective.TOTAL_LATENCY ? io.edgesplit.solver.IntegerWeights.of(ci) : null;
        this.weightScale = iw == null ? 1 : iw.scale();
        this.exactWeights = iw == null || iw.exact();
        this.scaledWeight = iw == null ? new long[T] : iw.weights();
        if (iw == null) for (int t = 0; t < T; t++) scaledWeight[t] = Math.round(ci.weight(t));
        long ub = incumbentObjective(incumbent);
        this.horizon = Horizons.of(this, ub);

        X = new IntVar[T][];
        x = new BoolVar[T][][];
        S = new IntVar[T][];
        E = new IntVar[T][];
        List<List<Task>> computeTasks = new ArrayList<>();
        List<List<Task>> ingressTasks = new ArrayList<>();
        for (int n = 0; n < ci.nodeCount(); n++) {
            computeTasks.add(new ArrayList<>());
            ingressTasks.add(new ArrayList<>());
        }
        completion = new IntVar[T];
        RedundantConstraints cuts = new RedundantConstraints(this, pathBounds);

        for (int t = 0; t < T; t++) {
            checkTime();
            int L = ci.layerCount(t);
            int H = (int) horizon[t];
            int release = (int) ci.release(t);
            X[t] = new IntVar[L];
            x[t] = new BoolVar[L][];
            S[t] = new IntVar[L];
            E[t] = new IntVar[L];
            for (int l = 0; l < L; l++) {
                int[] nodes = nodesFor(t, l);
                X[t][l] = model.intVar("X_" + t + "_" + l, nodes);
                x[t][l] = new BoolVar[ci.nodeCount()];
                long minAvail = Long.MAX_VALUE, minProc = Long.MAX_VALUE, maxProc = 0;
                for (int n : nodes) {
                    x[t][l][n] = nodes.length == 1 ? model.boolVar(true) : model.isEq(X[t][l], n);
                    minAvail = Math.min(minAvail, ci.availableAt(n));
                    minProc = Math.min(minProc, ci.proc(t, l, n));
                    maxProc = Math.max(maxProc, ci.proc(t, l, n));
                }
                // Every layer starts after the release (its input is there no earlier) and after the
                // earliest availableAt among its nodes.
                int lo = (int) Math.max(release, minAvail);
                S[t][l] = fixedTimes(t) ? model.intVar("S_" + t + "_" + l, (int) incumbent.start(t, l))
                        : model.intVar("S_" + t + "_" + l, lo, (int) Math.max(lo, H - minProc), true);
                if (nodes.length == 1) {
                    E[t][l] = model.offset(S[t][l], (int) ci.proc(t, l, nodes[0]));
                } else {
                    E[t][l] = model.intVar("E_" + t + "_" + l, (int) (lo + minProc), (int) Math.max(lo + minProc, H), true);
                    IntVar[] vs = new IntVar[nodes.length + 2];
                    int[] cs = new int[nodes.length + 2];
                    vs[0] = S[t][l];
                    cs[0] = 1;
                    vs[1] = E[t][l];
                    cs[1] = -1;
                    for (int i = 0; i < nodes.length; i++) {
                        vs[i + 2] = x[t][l][nodes[i]];
                        cs[i + 2] = (int) ci.proc(t, l, nodes[i]);
                    }
                    model.scalar(vs, cs, "=", 0).post();
                }
                for (int n : nodes) {
                    long p = ci.proc(t, l, n);
                    // availableAt (docs/model.md, constraint 4) binds every layer on the node, even a zero-tick one.
                    if (ci.availableAt(n) > lo) model.arithm(S[t][l], ">=", (int) ci.availableAt(n)).impliedBy(x[t][l][n]);
                    if (p > 0) computeTasks.get(n).add(nodes.length == 1 ? model.taskVar(S[t][l], (int) p)
                            : alternative(S[t][l], (int) Math.max(lo, ci.availableAt(n)), (int) p, x[t][l][n], "S_" + t + "_" + l + "_" + n));
                }
            }
            // DAG precedences hold whatever the placement: a consumer starts after its producer ends
            // (directly on the same node, or after a transfer that itself starts after that end).
            for (int l = 0; l < L; l++)
                for (int p : ci.preds(t, l)) model.arithm(S[t][l], ">=", E[t][p]).post();
            // Segment atomicity (docs/model.md, constraint 6): consecutive layers in list order on one node run back to back.
            if (ci.granularity() == Granularity.SEGMENT)
                for (int l = 1; l < L; l++) {
                    if (!sharesANode(t, l - 1, l)) continue;
                    BoolVar same = model.arithm(X[t][l - 1], "=", X[t][l]).reify();
                    model.arithm(S[t][l], "=", E[t][l - 1]).impliedBy(same);
                }
            transfers.add(Transfers.build(this, t, ingressTasks));
            cuts.postTaskBound(t);
            if (pathBounds) cuts.postPathBounds(t);
        }

        for (int n = 0; n < ci.nodeCount(); n++) {
            checkTime();
            postResource(computeTasks.get(n));
            if (ci.contention() == Contention.INGRESS) postResource(ingressTasks.get(n));
        }

        if (ci.objective() == Objective.MAKESPAN) {
            long lo = 0;
            for (int t = 0; t < T; t++) lo = Math.max(lo, completion[t].getLB());
            objective = model.intVar("makespan", (int) lo, (int) Math.max(lo, maxHorizon()), true);
            model.max(objective, completion).post();
            if (redundant) cuts.postLoadCuts();
        } else {
            // Only schedules no worse than the incumbent matter, so its objective (checked against the int
            // range) bounds the variable; Choco switches to long arithmetic inside the sum when needed.
            long hi = 0;
            for (int t = 0; t < T; t++) hi += scaledWeight[t] * (horizon[t] - ci.release(t));
            objective = model.intVar("totalLatency", 0, (int) Math.min(hi, ub), true);
            IntVar[] vs = new IntVar[T + 1];
            int[] cs = new int[T + 1];
            long constant = 0;
            for (int t = 0; t < T; t++) {
                vs[t] = completion[t];
                cs[t] = (int) scaledWeight[t];
                constant += scaledWeight[t] * ci.release(t);
            }
            vs[T] = objective;
            cs[T] = -1;
            model.scalar(vs, cs, "=", (int) constant).post();
        }
        if (strictlyBetter) model.arithm(objective, "<=", (int) (scaledObjective(incumbent) - 1)).post();
        else model.arithm(objective, "<=", (int) scaledObjective(incumbent)).post();
        model.setObjective(Model.MINIMIZE, objective);
        checkTime();
        List<IntVar> watched = new ArrayList<>();
        for (int t = 0; t < T; t++) for (IntVar v : S[t]) if (!v.isInstantiated()) watched.add(v);
        watched.add(objective);
        watchdog = new Watchdog(model, watched.toArray(new IntVar[0]), cancelled);
        new Constraint("watchdog", watchdog).post();
    }

    /**
     * Choco checks its stop criteria only between search decisions, not during a propagation, and the
     * first (root) propagation of a model with thousands of optional tasks takes seconds. This propagator
     * runs first (unary priority) whenever a start or the objective moves, and fails once the solve is
     * cancelled, which ends any propagation within one propagator call. It never removes a value otherwise.
     */
    private Watchdog watchdog;

    /**
     * Called at the first search decision: from then on Choco's stop criteria end the search between two
     * decisions, and the watchdog only cost time (and under lazy clause generation its reasonless failure
     * is an error inside the search).
     */
    void disarmWatchdog() {
        if (watchdog != null) watchdog.armed = false;
    }


    private boolean sharesANode(int t, int a, int b) {
        for (int n : nodesFor(t, a)) if (canRun(t, b, n)) return true;
        return false;
    }





    static int clamp(long v) { return (int) Math.min(v, INT_LIMIT); }

    /**
     * An optional task on its own start variable, equal to {@code start} when performed. It must not share
     * {@code start}: Choco's cumulative narrows an optional task's start as if it were performed (sound
     * only for a start that means nothing when the task is not performed). Unperformed, it is unconstrained;
     * the search sets it last ({@link #auxiliaryVars}).
     */
    Task alternative(IntVar start, int lo, int duration, BoolVar performed, String name) {
        int hi = Math.max(lo, start.getUB());
        IntVar own = model.intVar(name, lo, hi, true);
        model.arithm(own, "=", start).impliedBy(performed);
        auxiliary.add(own);
        return model.taskVar(own, duration, performed);
    }

    private void postResource(List<Task> tasks) {
        if (tasks.size() < 2) return;
        Task[] ts = tasks.toArray(new Task[0]);
        IntVar[] heights = new IntVar[ts.length];
        Arrays.fill(heights, model.intVar(1));
        model.cumulative(ts, heights, model.intVar(1)).post();
    }



    long maxHorizon() {
        long h = 0;
        for (long v : horizon) h = Math.max(h, v);
        return h;
    }


    /** The schedule's objective in model units (ticks, or scaled weighted ticks). */
    long scaledObjective(Schedule s) {
        if (ci.objective() == Objective.MAKESPAN) return (long) s.objectiveTicks(ci);
        long v = 0;
        for (int t = 0; t < T; t++) v += scaledWeight[t] * (s.completion(ci, t) - ci.release(t));
        return v;
    }

    private long incumbentObjective(Schedule s) {
        long v = scaledObjective(s);
        if (v > INT_LIMIT) throw new UnsupportedInstanceException("choco: objective " + v + " exceeds the int range Choco works in");
        return v;
    }



    /** The decision variables that fix a schedule: placements, then layer starts, then transfer starts. */
    IntVar[] placementVars() {
        List<IntVar> v = new ArrayList<>();
        for (int t = 0; t < T; t++) for (IntVar xv : X[t]) if (!xv.isInstantiated()) v.add(xv);
        return v.toArray(new IntVar[0]);
    }

    IntVar[] timeVars() {
        List<IntVar> v = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            v.addAll(Arrays.asList(S[t]));
            for (TransferVar tv : transfers.get(t)) v.add(tv.start());
        }
        return v.toArray(new IntVar[0]);
    }

    /** The private starts of the optional tasks, to be fixed after everything else. */
    IntVar[] auxiliaryVars() { return auxiliary.toArray(new IntVar[0]); }

    /** Values of the current (solution) assignment, read into a schedule with its transfers. */
    Schedule readSchedule() {
        int[][] node = new int[T][];
        long[][] start = new long[T][];
        List<List<Transfer>> trs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            int L = ci.layerCount(t);
            node[t] = new int[L];
            start[t] = new long[L];
            for (int l = 0; l < L; l++) {
                node[t][l] = X[t][l].getValue();
                start[t][l] = S[t][l].getValue();
            }
            List<Transfer> list = new ArrayList<>();
            for (TransferVar tv : transfers.get(t)) {
                if (tv.performed().getValue() != 1) continue;
                int from = tv.tensor() < 0 ? ci.origin(t) : node[t][tv.tensor()];
                list.add(new Transfer(tv.tensor(), from, tv.to(), tv.start().getValue()));
            }
            trs.add(list);
        }
        return new Schedule(node, start, trs);
    }
}
