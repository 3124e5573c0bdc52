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
 * The Choco constraint model of SPEC 1 on the integer ticks of {@link CompiledInstance}.
 *
 * <p>Variables per task t and layer l: the placement {@code X[t][l]} (domain = the nodes where
 * {@code proc != CANNOT_RUN}) with one boolean view {@code x[t][l][n] ⇔ X = n} per node, the start
 * {@code S[t][l]} and the end {@code E = S + Σ_n proc(n)·x[n]}. Per tensor τ (−1 = model input) and
 * destination node q that some consumer of τ may use: the transfer start {@code TS[t][τ][q]}; the transfer
 * is performed iff a consumer sits on q and τ's source is not q (one transfer per distinct (tensor,
 * destination), SPEC 1.3). Resources are capacity-1 {@code cumulative}s of {@link Task}s: per node one for
 * compute (an optional task per (layer, node) with the placement boolean as "performed", on a private start
 * equal to the layer's start when performed, see {@link #alternative}) and, under contention ingress, one
 * per destination for the transfers into it (an optional task per possible source). Zero-tick items are
 * left out of every resource (SPEC 1.4: they occupy nothing); Choco would drop them anyway. Redundant:
 * per-task heads and tails ({@link #postPathBounds}), per-task completion bounds and, for the makespan,
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
    /** Total latency only: the integer weights are {@code weight × weightScale}. */
    final long weightScale;
    final long[] scaledWeight;
    /** Per task: the latest tick any of its items may end at (see {@link #horizons}). */
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
        TooLarge(String message) { super(message, null, false, false); }
    }

    private final long buildDeadline;
    private final BooleanSupplier cancelled;
    private final boolean pathBounds;
    /**
     * Per task, layer and node: head + proc + tail of {@link #postPathBounds} (the shortest schedule of the
     * task alone with that layer on that node), or null without path bounds. A value-ordering hint.
     */
    final long[][][] pathLength;
    private final long[][][] headOf, tailOf;
    /** Per node: the least head of any layer on it, and the least tail after any layer on it (path bounds). */
    private final long[] minHeadOn, minTailOn;

    private void checkTime() {
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
    private final Schedule incumbent;

    /** The nodes (t, l) may use in this model. */
    int[] nodesFor(int t, int l) { return restriction == null ? ci.nodesFor(t, l) : restriction.nodes()[t][l]; }

    boolean canRun(int t, int l, int n) {
        if (restriction == null) return ci.canRun(t, l, n);
        for (int m : restriction.nodes()[t][l]) if (m == n) return true;
        return false;
    }

    private boolean fixedTimes(int t) { return restriction != null && restriction.fixedTimes()[t]; }

    /** @param restriction null for the whole problem, else a sub-model around {@code incumbent} */
    ChocoModel(CompiledInstance ci, Schedule incumbent, boolean strictlyBetter, boolean lcg, boolean redundant, boolean pathBounds,
               long buildDeadline, BooleanSupplier cancelled, Restriction restriction) {
        this.restriction = restriction;
        this.incumbent = incumbent;
        this.pathBounds = pathBounds;
        this.pathLength = pathBounds ? new long[ci.taskCount()][][] : null;
        this.headOf = new long[ci.taskCount()][][];
        this.tailOf = new long[ci.taskCount()][][];
        this.minHeadOn = new long[ci.nodeCount()];
        this.minTailOn = new long[ci.nodeCount()];
        Arrays.fill(minHeadOn, Long.MAX_VALUE);
        Arrays.fill(minTailOn, Long.MAX_VALUE);
        this.buildDeadline = buildDeadline;
        this.cancelled = cancelled;
        this.ci = ci;
        this.T = ci.taskCount();
        // No table substitution: Choco turns some small-looking scalars (many booleans and one wide
        // variable) into compact tables, which exhausted a 2 GB heap on a 266-layer instance.
        Settings settings = Settings.init().setLCG(lcg).setEnableTableSubstitution(false);
        this.model = new Model("edgesplit-" + ci.name(), settings);
        this.scaledWeight = new long[T];
        this.weightScale = ci.objective() == Objective.TOTAL_LATENCY ? weightScale(ci) : 1;
        for (int t = 0; t < T; t++) scaledWeight[t] = Math.round(ci.weight(t) * weightScale);
        long ub = incumbentObjective(incumbent);
        this.horizon = horizons(ub);

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
                    x[t][l][n] = nodes.length == 1 ? model.boolVar(true) : model.intEqView(X[t][l], n);
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
                    // availableAt (SPEC 1.4.4) binds every layer on the node, even a zero-tick one.
                    if (ci.availableAt(n) > lo) model.arithm(S[t][l], ">=", (int) ci.availableAt(n)).impliedBy(x[t][l][n]);
                    if (p > 0) computeTasks.get(n).add(nodes.length == 1 ? model.taskVar(S[t][l], (int) p)
                            : alternative(S[t][l], (int) Math.max(lo, ci.availableAt(n)), (int) p, x[t][l][n], "S_" + t + "_" + l + "_" + n));
                }
            }
            // DAG precedences hold whatever the placement: a consumer starts after its producer ends
            // (directly on the same node, or after a transfer that itself starts after that end).
            for (int l = 0; l < L; l++)
                for (int p : ci.preds(t, l)) model.arithm(S[t][l], ">=", E[t][p]).post();
            // Segment atomicity (SPEC 1.4.6): consecutive layers in list order on one node run back to back.
            if (ci.granularity() == Granularity.SEGMENT)
                for (int l = 1; l < L; l++) {
                    if (!sharesANode(t, l - 1, l)) continue;
                    BoolVar same = model.arithm(X[t][l - 1], "=", X[t][l]).reify();
                    model.arithm(S[t][l], "=", E[t][l - 1]).impliedBy(same);
                }
            transfers.add(buildTransfers(t, ingressTasks));
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
            if (redundant) postLoadCuts();
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
        watchdog = new Watchdog(watched.toArray(new IntVar[0]), cancelled);
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

    private static final class Watchdog extends Propagator<IntVar> {
        private final BooleanSupplier cancelled;
        volatile boolean armed = true;

        Watchdog(IntVar[] vars, BooleanSupplier cancelled) {
            super(vars, PropagatorPriority.UNARY, true);
            this.cancelled = cancelled;
        }

        @Override
        public int getPropagationConditions(int vIdx) { return IntEventType.boundAndInst(); }

        @Override
        public void propagate(int evtmask) throws ContradictionException { check(); }

        @Override
        public void propagate(int idxVarInProp, int mask) throws ContradictionException { check(); }

        /**
         * Fails without naming this propagator as the cause: dom/wdeg would otherwise raise the weight of
         * each of its thousands of variables, which took seconds on a 1750-layer model.
         */
        private void check() throws ContradictionException {
            if (armed && cancelled.getAsBoolean()) model.getSolver().throwsException(Cause.Null, null, "time limit");
        }

        @Override
        public ESat isEntailed() { return ESat.TRUE; }
    }

    private boolean sharesANode(int t, int a, int b) {
        for (int n : nodesFor(t, a)) if (canRun(t, b, n)) return true;
        return false;
    }

    /**
     * The transfers of task t (SPEC 1.3): input transfers from the origin, internal ones from the producer's
     * node, return transfers of output layers to the origin; and the completion variable.
     */
    private List<TransferVar> buildTransfers(int t, List<List<Task>> ingressTasks) {
        List<TransferVar> out = new ArrayList<>();
        int origin = ci.origin(t);
        int L = ci.layerCount(t);
        int H = (int) horizon[t];
        List<IntVar> arrivalsAtOrigin = new ArrayList<>();
        for (int tensor = -1; tensor < L; tensor++) {
            checkTime();
            List<Integer> consumers = new ArrayList<>();
            if (tensor < 0) {
                for (int l = 0; l < L; l++) if (ci.readsInput(t, l)) consumers.add(l);
            } else {
                for (int c : ci.succs(t, tensor)) consumers.add(c);
            }
            boolean output = tensor >= 0 && ci.isOutput(t, tensor);
            int[] sources = tensor < 0 ? new int[]{origin} : nodesFor(t, tensor);
            Set<Integer> destinations = new LinkedHashSet<>();
            for (int c : consumers) for (int q : nodesFor(t, c)) destinations.add(q);
            if (output) destinations.add(origin);
            double bytes = ci.tensorBytes(t, tensor);
            IntVar ready = tensor < 0 ? model.intVar((int) ci.release(t)) : E[t][tensor];
            for (int q : destinations) {
                int[] from = Arrays.stream(sources).filter(p -> p != q).toArray();
                if (from.length == 0) {
                    // Never a transfer: the tensor is always made on q. Only a return needs recording.
                    if (output && q == origin) arrivalsAtOrigin.add(ready);
                    continue;
                }
                // need: some consumer sits on q (a return is always needed at the origin).
                BoolVar need;
                if (output && q == origin) need = model.boolVar(true);
                else {
                    List<BoolVar> on = new ArrayList<>();
                    for (int c : consumers) if (canRun(t, c, q)) on.add(x[t][c][q]);
                    if (on.size() == 1) need = on.get(0);
                    else {
                        need = model.boolVar("need_" + t + "_" + tensor + "_" + q);
                        model.addClausesBoolOrArrayEqVar(on.toArray(new BoolVar[0]), need);
                    }
                }
                IntVar ts = model.intVar("TS_" + t + "_" + tensor + "_" + q, (int) ready.getLB(), H, true);
                model.arithm(ts, ">=", ready).post();
                // performedFrom[p] = need ∧ source on p; at most one source, so performed = Σ of them.
                BoolVar[] performedFrom = new BoolVar[from.length];
                int[] dur = new int[from.length];
                for (int i = 0; i < from.length; i++) {
                    int p = from[i];
                    BoolVar src = tensor < 0 ? model.boolVar(true) : x[t][tensor][p];
                    if (need.isInstantiatedTo(1)) performedFrom[i] = src;
                    else if (src.isInstantiatedTo(1)) performedFrom[i] = need;
                    else {
                        performedFrom[i] = model.boolVar("z_" + t + "_" + tensor + "_" + p + "_" + q);
                        model.addClausesBoolAndEqVar(need, src, performedFrom[i]);
                    }
                    dur[i] = (int) ci.transfer(bytes, p, q);
                    if (ci.contention() == Contention.INGRESS && dur[i] > 0)
                        ingressTasks.get(q).add(performedFrom[i].isInstantiatedTo(1) ? model.taskVar(ts, dur[i])
                                : alternative(ts, (int) ready.getLB(), dur[i], performedFrom[i], "TS_" + t + "_" + tensor + "_" + p + "_" + q));
                }
                BoolVar performed;
                if (from.length == 1) performed = performedFrom[0];
                else {
                    performed = model.boolVar("r_" + t + "_" + tensor + "_" + q);
                    model.sum(performedFrom, "=", performed).post();
                }
                // A transfer that does not happen, and every transfer under contention none (it only delays:
                // starting it at the producer's end is dominant), sits at the producer's end, so no search
                // is spent on it.
                if (ci.contention() == Contention.NONE) model.arithm(ts, "=", ready).post();
                else if (!performed.isInstantiatedTo(1)) model.arithm(ts, "<=", ready).impliedBy(performed.not());
                else if (fixedTimes(t)) {
                    // a sub-model task whose times are fixed: its (performed) transfer starts as in the incumbent
                    for (Transfer tr : incumbent.transfers(t))
                        if (tr.tensor() == tensor && tr.to() == q) model.arithm(ts, "=", (int) tr.start()).post();
                }
                // arrival = TS + Σ_p dur(p,q)·performedFrom[p]: it equals TS (= ready) whenever the transfer
                // is not performed, whether the source is q or no consumer sits on q. It must not use the
                // source indicator alone: the arrival's domain ends at the horizon, and a phantom transfer
                // (source on p, nothing needed on q) would then have to "arrive" by the horizon, which cut
                // off optimal schedules (docs/choco.md, "A wrong optimum"). A constant-duration arrival
                // is an unbounded view and only ever read where the transfer is performed.
                IntVar arrival;
                boolean constantDuration = from.length == 1 && (tensor < 0 || sources.length == 1);
                if (constantDuration) arrival = model.offset(ts, dur[0]);
                else {
                    arrival = model.intVar("A_" + t + "_" + tensor + "_" + q, (int) ready.getLB(), H, true);
                    IntVar[] vs = new IntVar[from.length + 2];
                    int[] cs = new int[from.length + 2];
                    vs[0] = ts;
                    cs[0] = 1;
                    vs[1] = arrival;
                    cs[1] = -1;
                    for (int i = 0; i < from.length; i++) {
                        vs[i + 2] = performedFrom[i];
                        cs[i + 2] = dur[i];
                    }
                    model.scalar(vs, cs, "=", 0).post();
                }
                for (int c : consumers)
                    if (canRun(t, c, q)) model.arithm(S[t][c], ">=", arrival).impliedBy(x[t][c][q]);
                if (output && q == origin) arrivalsAtOrigin.add(arrival);
                out.add(new TransferVar(tensor, q, ts, from, performed));
            }
        }
        // C_t (SPEC 1.4.7): the latest arrival of an output at the origin (an output made on the origin
        // "arrives" at its end: the return transfer then does not exist and its start sits at that end).
        IntVar[] arr = arrivalsAtOrigin.toArray(new IntVar[0]);
        long lo = 0;
        for (IntVar a : arr) lo = Math.max(lo, a.getLB());
        completion[t] = model.intVar("C_" + t, (int) lo, (int) Math.max(lo, H), true);
        if (arr.length == 1) model.arithm(completion[t], "=", arr[0]).post();
        else model.max(completion[t], arr).post();
        postTaskBound(t);
        if (pathBounds) postPathBounds(t);
        return out;
    }

    /**
     * A redundant bound on C_t that propagation alone misses while placements are open (a consumer's
     * transfer delay only counts once both ends are placed): either every layer runs on the origin, one at
     * a time after max(release, availableAt), or some layer runs on another node q, and the path from the
     * input through it back to the origin crosses the network twice (into q and out of q). Both cases also
     * need the longest path of shortest processing times.
     */
    private void postTaskBound(int t) {
        int L = ci.layerCount(t), origin = ci.origin(t);
        long[] cp = new long[L];
        long longest = 0;
        boolean canAllLocal = true;
        long local = Math.max(ci.release(t), ci.availableAt(origin));
        for (int l = 0; l < L; l++) {
            long minProc = Long.MAX_VALUE;
            for (int n : nodesFor(t, l)) minProc = Math.min(minProc, ci.proc(t, l, n));
            long before = 0;
            for (int p : ci.preds(t, l)) before = Math.max(before, cp[p]);
            cp[l] = before + minProc;
            longest = Math.max(longest, cp[l]);
            if (canRun(t, l, origin)) local += ci.proc(t, l, origin);
            else canAllLocal = false;
        }
        long minCross = Long.MAX_VALUE;
        for (int tensor = -1; tensor < L; tensor++)
            for (int p = 0; p < ci.nodeCount(); p++)
                for (int q = 0; q < ci.nodeCount(); q++)
                    if (p != q) minCross = Math.min(minCross, ci.transfer(ci.tensorBytes(t, tensor), p, q));
        long remote = ci.release(t) + Math.max(longest, minCross == Long.MAX_VALUE ? 0 : 2 * minCross);
        local = Math.max(local, ci.release(t) + longest);
        long both = canAllLocal ? Math.min(local, remote) : remote;
        if (both > completion[t].getUB()) both = completion[t].getUB(); // the incumbent cut decides then
        model.arithm(completion[t], ">=", (int) both).post();
        if (!canAllLocal || local == remote) return;
        BoolVar[] onOrigin = new BoolVar[L];
        for (int l = 0; l < L; l++) onOrigin[l] = x[t][l][origin];
        BoolVar allLocal = model.boolVar("local_" + t);
        model.addClausesBoolAndArrayEqVar(onOrigin, allLocal);
        if (local <= completion[t].getUB()) model.arithm(completion[t], ">=", (int) local).impliedBy(allLocal);
        else model.arithm(allLocal, "=", 0).post();
        if (remote <= completion[t].getUB()) model.arithm(completion[t], ">=", (int) remote).impliedBy(allLocal.not());
        else model.arithm(allLocal, "=", 1).post();
    }

    /**
     * Heads and tails from the task alone, as redundant constraints (the search's propagation only sees a
     * transfer's delay once both ends are placed). A relaxation of the task without the other tasks, without
     * resource conflicts inside the task and with each layer free to take its best predecessor placement
     * separately: {@code head(l,n)} = the earliest start of l on n (release, availableAt(n), the input
     * transfer from the origin, each predecessor's earliest end on its best node plus the transfer to n);
     * {@code tail(l,n)} = the least time from l's end on n to the task's completion (each successor on its
     * best node after the transfer, and for an output its return to the origin). In every schedule with l
     * on n, S ≥ head(l,n) and C_t ≥ E + tail(l,n), since each term is a constraint of SPEC 1.4 (a transfer
     * starts at or after its producer's end, a consumer at or after the transfer's end, C_t after every
     * return), and dropping constraints only lowers these values. Posted as x[l][n] ⇒ …, plus the
     * placement-free versions (minimum over n).
     */
    private void postPathBounds(int t) {
        int L = ci.layerCount(t), N = ci.nodeCount(), origin = ci.origin(t);
        long inf = Long.MAX_VALUE / 4;
        long release = ci.release(t);
        long[][] head = new long[L][N], tail = new long[L][N];
        for (int l = 0; l < L; l++)
            for (int n : nodesFor(t, l)) {
                long es = Math.max(release, ci.availableAt(n));
                if (ci.readsInput(t, l)) es = Math.max(es, release + ci.transfer(ci.tensorBytes(t, -1), origin, n));
                for (int p : ci.preds(t, l)) {
                    long best = inf;
                    for (int m : nodesFor(t, p))
                        best = Math.min(best, head[p][m] + ci.proc(t, p, m) + ci.transfer(ci.tensorBytes(t, p), m, n));
                    es = Math.max(es, best);
                }
                head[l][n] = es;
            }
        for (int l = L - 1; l >= 0; l--)
            for (int n : nodesFor(t, l)) {
                double bytes = ci.tensorBytes(t, l);
                long v = ci.isOutput(t, l) ? ci.transfer(bytes, n, origin) : 0;
                for (int c : ci.succs(t, l)) {
                    long best = inf;
                    for (int m : nodesFor(t, c)) best = Math.min(best, ci.transfer(bytes, n, m) + ci.proc(t, c, m) + tail[c][m]);
                    v = Math.max(v, best);
                }
                tail[l][n] = v;
            }
        long whole = 0;
        headOf[t] = head;
        tailOf[t] = tail;
        pathLength[t] = new long[L][N];
        for (int l = 0; l < L; l++) {
            int[] nodes = nodesFor(t, l);
            for (int n : nodes) {
                pathLength[t][l][n] = head[l][n] + ci.proc(t, l, n) + tail[l][n];
                minHeadOn[n] = Math.min(minHeadOn[n], head[l][n]);
                minTailOn[n] = Math.min(minTailOn[n], tail[l][n]);
            }
            long minHead = inf, minTail = inf, minPath = inf;
            for (int n : nodes) {
                minHead = Math.min(minHead, head[l][n]);
                minTail = Math.min(minTail, tail[l][n]);
                minPath = Math.min(minPath, head[l][n] + ci.proc(t, l, n) + tail[l][n]);
            }
            whole = Math.max(whole, minPath);
            if (minHead > S[t][l].getLB()) model.arithm(S[t][l], ">=", clamp(minHead)).post();
            if (minTail > 0) model.arithm(completion[t], "-", E[t][l], ">=", clamp(minTail)).post();
            if (nodes.length == 1) continue;
            for (int n : nodes) {
                if (head[l][n] > minHead) model.arithm(S[t][l], ">=", clamp(head[l][n])).impliedBy(x[t][l][n]);
                if (tail[l][n] > minTail) model.arithm(completion[t], "-", E[t][l], ">=", clamp(tail[l][n])).impliedBy(x[t][l][n]);
            }
        }
        // Above C_t's upper bound (the incumbent) this makes the model infeasible: rightly so, since then no
        // schedule beats the incumbent.
        if (whole > completion[t].getLB()) model.arithm(completion[t], ">=", clamp(whole)).post();
    }

    private int[] inputReaders(int t) {
        return java.util.stream.IntStream.range(0, ci.layerCount(t)).filter(l -> ci.readsInput(t, l)).toArray();
    }

    private static int clamp(long v) { return (int) Math.min(v, INT_LIMIT); }

    /**
     * An optional task on its own start variable, equal to {@code start} when performed. It must not share
     * {@code start}: Choco's cumulative narrows an optional task's start as if it were performed (sound
     * only for a start that means nothing when the task is not performed). Unperformed, it is unconstrained;
     * the search sets it last ({@link #auxiliaryVars}).
     */
    private Task alternative(IntVar start, int lo, int duration, BoolVar performed, String name) {
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

    /**
     * Redundant load cuts for the makespan (measured to help, see docs/choco.md): everything placed on a
     * node's compute starts at or after its availableAt and nothing overlaps, so availableAt(n) + Σ proc of
     * its layers ≤ makespan when some layer is placed on n; likewise for the transfers into a node after the
     * earliest release. availableAt counts only when the node is used: a late-available node that an optimal
     * schedule leaves idle must not raise the makespan (an unconditional offset cut off such optima).
     */
    private void postLoadCuts() {
        long minRelease = Long.MAX_VALUE;
        for (int t = 0; t < T; t++) minRelease = Math.min(minRelease, ci.release(t));
        for (int n = 0; n < ci.nodeCount(); n++) {
            checkTime();
            List<IntVar> vs = new ArrayList<>();
            List<Integer> cs = new ArrayList<>();
            List<BoolVar> onN = new ArrayList<>();
            for (int t = 0; t < T; t++)
                for (int l = 0; l < ci.layerCount(t); l++) {
                    if (!canRun(t, l, n)) continue;
                    onN.add(x[t][l][n]); // availableAt binds zero-tick layers too
                    if (ci.proc(t, l, n) > 0) {
                        vs.add(x[t][l][n]);
                        cs.add((int) ci.proc(t, l, n));
                    }
                }
            // With path bounds: whatever runs on n starts at or after the least head there and its task
            // still needs at least the least tail after it.
            long offset = ci.availableAt(n);
            if (pathBounds && minHeadOn[n] != Long.MAX_VALUE)
                offset = Math.max(offset, minHeadOn[n]) + minTailOn[n];
            if (offset > 0 && !onN.isEmpty() && vs.size() >= 2) {
                BoolVar used = model.boolVar("used_" + n);
                model.addClausesBoolOrArrayEqVar(onN.toArray(new BoolVar[0]), used);
                vs.add(used);
                cs.add(clamp(offset));
            }
            loadCut(vs, cs, 0);
            if (ci.contention() == Contention.INGRESS) {
                vs.clear();
                cs.clear();
                long minHeadIn = Long.MAX_VALUE, minTailIn = Long.MAX_VALUE;
                for (int t = 0; t < T; t++)
                    for (TransferVar tv : transfers.get(t)) {
                        if (tv.to() != n) continue;
                        double bytes = ci.tensorBytes(t, tv.tensor());
                        if (pathBounds) {
                            // after it arrives: a return needs nothing more, a consumer on n its time and tail
                            long tailIn = Long.MAX_VALUE;
                            if (tv.tensor() >= 0 && ci.isOutput(t, tv.tensor()) && n == ci.origin(t)) tailIn = 0;
                            int[] consumers = tv.tensor() < 0 ? inputReaders(t) : ci.succs(t, tv.tensor());
                            for (int c : consumers)
                                if (canRun(t, c, n)) tailIn = Math.min(tailIn, ci.proc(t, c, n) + tailOf[t][c][n]);
                            minTailIn = Math.min(minTailIn, tailIn == Long.MAX_VALUE ? 0 : tailIn);
                        }
                        for (int p : tv.sources()) {
                            long d = ci.transfer(bytes, p, n);
                            if (d == 0) continue;
                            if (pathBounds) minHeadIn = Math.min(minHeadIn, tv.tensor() < 0 ? ci.release(t)
                                    : headOf[t][tv.tensor()][p] + ci.proc(t, tv.tensor(), p));
                            // performed-from-p = performed ∧ source p; for a single source it is "performed".
                            if (tv.sources().length == 1) vs.add(tv.performed());
                            else {
                                BoolVar b = model.boolVar();
                                model.addClausesBoolAndEqVar(tv.performed(), x[t][tv.tensor()][p], b);
                                vs.add(b);
                            }
                            cs.add((int) d);
                        }
                    }
                if (pathBounds && vs.size() >= 2) {
                    // The transfers into n start at or after the least head among them, one at a time, and
                    // the last one's task still needs its tail: only when something is sent to n.
                    BoolVar usedIn = model.boolVar("usedIn_" + n);
                    model.addClausesBoolOrArrayEqVar(vs.toArray(new BoolVar[0]), usedIn);
                    vs.add(usedIn);
                    cs.add(clamp(Math.max(minRelease, minHeadIn) + minTailIn));
                    loadCut(vs, cs, 0);
                } else loadCut(vs, cs, minRelease);
            }
        }
    }

    private void loadCut(List<IntVar> vs, List<Integer> cs, long offset) {
        if (vs.size() < 2) return;
        IntVar[] v = new IntVar[vs.size() + 1];
        int[] c = new int[vs.size() + 1];
        for (int i = 0; i < vs.size(); i++) {
            v[i] = vs.get(i);
            c[i] = cs.get(i);
        }
        v[vs.size()] = objective;
        c[vs.size()] = -1;
        model.scalar(v, c, "<=", (int) -offset).post();
    }

    long maxHorizon() {
        long h = 0;
        for (long v : horizon) h = Math.max(h, v);
        return h;
    }

    /**
     * Integer weights for total latency: the smallest power of ten (up to 10^6) that makes every weight an
     * integer; an instance needing more is refused rather than rounded (the model must be exact).
     */
    static long weightScale(CompiledInstance ci) {
        for (long s = 1; s <= 1_000_000; s *= 10) {
            boolean ok = true;
            for (int t = 0; t < ci.taskCount() && ok; t++) {
                double w = ci.weight(t) * s;
                ok = Math.abs(w - Math.rint(w)) <= 1e-9 * Math.max(1, Math.abs(w));
            }
            if (ok) return s;
        }
        throw new UnsupportedInstanceException("choco: task weights need more than 6 decimals to become integers");
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

    /**
     * Per task, the latest tick its items need: an optimal schedule exists among the semi-active ones (both
     * objectives are regular), in which no moment between the latest release/availableAt and the end is
     * idle, so every item ends by {@code maxRelease + Σ all durations}. The incumbent's objective bounds it
     * further: for the makespan every task ends by it; for total latency a task of weight w ends by
     * {@code release + UB / w} (the other terms are ≥ 0).
     */
    private long[] horizons(long ub) {
        long base = 0;
        for (int t = 0; t < T; t++) base = Math.max(base, ci.release(t));
        for (int n = 0; n < ci.nodeCount(); n++) base = Math.max(base, ci.availableAt(n));
        long work = 0;
        for (int t = 0; t < T; t++) {
            checkTime();
            int L = ci.layerCount(t);
            for (int l = 0; l < L; l++) {
                long mp = 0;
                for (int n : nodesFor(t, l)) mp = Math.max(mp, ci.proc(t, l, n));
                work += mp;
                // at most one transfer of each tensor into each node, plus the input's
                work += (long) ci.nodeCount() * maxTransfer(t, l);
            }
            work += (long) ci.nodeCount() * maxTransfer(t, -1);
        }
        long trivial = base + work;
        long[] h = new long[T];
        for (int t = 0; t < T; t++) {
            long bound = trivial;
            if (ci.objective() == Objective.MAKESPAN) bound = Math.min(bound, ub);
            else if (scaledWeight[t] > 0) bound = Math.min(bound, ci.release(t) + ub / scaledWeight[t]);
            if (bound > INT_LIMIT)
                throw new UnsupportedInstanceException("choco: the schedule horizon of task " + ci.taskName(t) + " is "
                        + bound + " ticks, beyond the int range Choco works in (use a coarser timeUnit)");
            h[t] = bound;
        }
        return h;
    }

    private long maxTransfer(int t, int tensor) {
        long m = 0;
        double bytes = ci.tensorBytes(t, tensor);
        for (int p = 0; p < ci.nodeCount(); p++)
            for (int q = 0; q < ci.nodeCount(); q++) if (p != q) m = Math.max(m, ci.transfer(bytes, p, q));
        return m;
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
