package io.edgesplit.backend.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The variables of a cpsat model and the helpers that create them (AND/OR literals, weight scaling, horizon).
 * The model is built in layers, one role per class: {@link CpSatSymmetry} (identical nodes),
 * {@link CpSatConstraints} (the constraints and the objective), {@link CpSatModel} (hints and solutions).
 */
abstract class CpSatVariables {
    /** One transfer item: a tensor of a task to a destination node, from one of several possible sources. */
    static final class Item {
        final int t, tensor, q;
        IntVar ts, te;
        final Literal[] y;      // per source node, or null where impossible
        final long[] d;         // duration per source node (the longest, under fluctuations)
        final Pieces[] pieces;  // per source node: its duration by start tick (one piece without fluctuations)
        Literal needed;         // some consumer of the tensor is on q (constant true for a return)
        /**
         * Every possible source sends it in zero ticks: then it is no variable at all. A zero-tick transfer
         * occupies nothing (docs/model.md) and starts when its producer ends, so it delays nobody beyond the
         * producer's end, which every consumer and the completion wait for anyway; the schedule still lists
         * it (the validator requires it), read off the placement ({@link CpSatModel#extract}). FJSP imports
         * have only such transfers; with the literals and delays they brought (hundreds of reified
         * constraints on Mk02) CP-SAT proved far less (docs/cpsat.md, "Brandimarte").
         */
        boolean implicit;

        Item(int t, int tensor, int q, int n) {
            this.t = t;
            this.tensor = tensor;
            this.q = q;
            y = new Literal[n];
            d = new long[n];
            pieces = new Pieces[n];
        }
    }

    /** A BoolVar defined as the AND or the OR of positive literals; kept to compute hints. */
    record Def(BoolVar var, boolean and, Literal[] of) {}

    /**
     * An option split into pieces of its start's domain (fluctuations, docs/model.md §8): {@code lits[k]} is
     * true iff the option is chosen and starts in piece k; {@code size} its duration when it is one sized
     * interval (null with one interval per piece). Kept to compute hints.
     */
    record Piecewise(Literal option, IntVar start, Pieces pieces, BoolVar[] lits, IntVar size) {}

    final CompiledInstance ci;
    final SolveOptions options;
    final CpModel cp = new CpModel();
    final int N;
    final long horizon;
    Literal TRUE;
    IntVar[][] layerStart, layerEnd;  // [t][l]; a row is null for a task that is not modelled
    Literal[][][] onNode;             // [t][l][n]: the layer runs on n; null where the layer cannot run
    Item[][][] items;       // [t][tensor + 1][q], null where no transfer can be needed
    IntVar[] completion;
    IntVar makespan;
    final List<Def> defs = new ArrayList<>();
    final List<Piecewise> pieced = new ArrayList<>();
    /** The ticks at which some factor changes (docs/model.md §8); empty without fluctuations. */
    final long[] steps;
    final List<int[]> symmetric = new ArrayList<>();     // pairs (a, b) of identical nodes, a < b, consecutive in their class
    final List<List<Integer>> classes = new ArrayList<>();
    final List<BoolVar[]> prefixes = new ArrayList<>();  // per symmetric pair: prefix "a used by activity ≤ i"
    long weightScale = 1;
    boolean exactWeights = true;
    long[] scaledWeight;
    double objectiveOffset;
    LinearArgument objective; // in CP units (weights scaled), what cp minimises
    // The scope (SubModel), fixed at construction; see SubModel for the meaning of each.
    final int[][] fixedNode;
    final boolean[][] allowedNode;
    final boolean[] modelled;
    final Schedule frozen;
    final Schedule upper;
    long[] taskHorizon;      // [t] = latest time any activity of task t may end

    /** A model of {@code scope}: the whole instance or a neighbourhood of a known schedule. */
    CpSatVariables(CompiledInstance ci, SolveOptions options, SubModel scope) {
        this.ci = ci;
        this.options = options;
        this.N = ci.nodeCount();
        this.horizon = horizon(ci);
        this.steps = ci.fluctuating() ? ci.fluctuationTicks() : new long[0];
        this.fixedNode = scope.fixedNode();
        this.allowedNode = scope.allowedNode();
        this.modelled = scope.modelled();
        this.frozen = scope.frozen();
        this.upper = scope.upper();
    }

    /** The nodes a layer may use in this model. */
    int[] nodes(int t, int l) {
        if (fixedNode != null && fixedNode[t] != null) return new int[]{fixedNode[t][l]};
        if (allowedNode == null || allowedNode[t] == null) return ci.nodesFor(t, l);
        return Arrays.stream(ci.nodesFor(t, l)).filter(n -> allowedNode[t][n]).toArray();
    }


    /** The objective of {@code known} in CP units (weights scaled). */
    long cpObjective(Schedule known) {
        long v = 0;
        for (int t = 0; t < ci.taskCount(); t++)
            v = ci.objective() == Objective.MAKESPAN ? Math.max(v, known.completion(ci, t))
                    : v + scaledWeight[t] * (known.completion(ci, t) - ci.release(t));
        return v;
    }

    /**
     * Latest release/availableAt plus every activity's longest duration: any placement fits, serially. Under
     * fluctuations (docs/model.md §8) the latest step tick joins the maximum and durations are the longest over
     * all starts: after the last step nothing fluctuates, so the activities of an optimum that start after it
     * and after every release and availableAt can be left-shifted (without reaching back past that point) to
     * end by it plus their durations, while the others end by their start plus theirs; no optimum is cut off.
     */
    static long horizon(CompiledInstance ci) {
        // Cached: it looks at every (tensor, source, destination), 120 million transfer times on a 30,000-layer,
        // 64-node instance, which took 3 s per neighbourhood step there (and ran past the limit).
        return HORIZONS.computeIfAbsent(ci, CpSatVariables::computeHorizon);
    }

    private static final java.util.Map<CompiledInstance, Long> HORIZONS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static long computeHorizon(CompiledInstance ci) {
        long h = 0;
        for (int n = 0; n < ci.nodeCount(); n++) h = Math.max(h, ci.availableAt(n));
        for (int t = 0; t < ci.taskCount(); t++) h = Math.max(h, ci.release(t));
        long[] steps = ci.fluctuating() ? ci.fluctuationTicks() : new long[0];
        if (steps.length > 0) h = Math.max(h, steps[steps.length - 1]);
        for (int t = 0; t < ci.taskCount(); t++) {
            for (int l = -1; l < ci.layerCount(t); l++) {
                if (l >= 0) {
                    long mp = 0;
                    for (int n : ci.nodesFor(t, l)) {
                        int tt = t, ll = l, nn = n;
                        mp = Math.max(mp, steps.length == 0 ? ci.proc(t, l, n) : Pieces.longest(s -> ci.procAt(tt, ll, nn, s), steps));
                    }
                    h += mp;
                }
                double bytes = ci.tensorBytes(t, l);
                for (int q = 0; q < ci.nodeCount(); q++) {
                    long md = 0;
                    for (int p = 0; p < ci.nodeCount(); p++) {
                        if (p == q) continue;
                        int pp = p, qq = q;
                        md = Math.max(md, steps.length == 0 ? ci.transfer(bytes, p, q) : Pieces.longest(s -> ci.transferAt(bytes, pp, qq, s), steps));
                    }
                    h += md;
                }
            }
        }
        return h;
    }

    boolean isTrue(Literal l) { return l == TRUE; }

    /** {@code b += coef·lit}, a constant when lit is always true. */
    void addTerm(LinearExprBuilder b, Literal lit, long coef) {
        if (isTrue(lit)) b.add(coef);
        else b.addTerm((BoolVar) lit, coef);
    }

    /**
     * The literals of an option's pieces (docs/model.md §8): without fluctuations where it can start, the
     * option's own literal, and nothing is added to the model. Otherwise one literal per piece, as many true
     * as the option (exactly one when it is chosen), each confining {@code start} to its piece; the first
     * piece begins at the option's own lower bound and the last ends at the domain's end, so those two
     * bounds need no constraint. No piece is preferred: waiting for a slow spell to pass may pay, so nothing
     * ties a start to its earliest possible tick.
     */
    Literal[] pieceLiterals(Literal option, IntVar start, Pieces pc, String name) {
        if (pc.size() == 1) return new Literal[]{option};
        BoolVar[] z = new BoolVar[pc.size()];
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (int k = 0; k < z.length; k++) {
            z[k] = cp.newBoolVar(name + "_k" + k);
            sum.add(z[k]);
            if (k > 0) cp.addGreaterOrEqual(start, pc.from()[k]).onlyEnforceIf(z[k]);
            if (k + 1 < z.length) cp.addLessOrEqual(start, pc.to()[k]).onlyEnforceIf(z[k]);
        }
        if (isTrue(option)) cp.addExactlyOne(z);
        else cp.addEquality(sum.addTerm((BoolVar) option, -1).build(), 0);
        pieced.add(new Piecewise(option, start, pc, z, null));
        return z;
    }

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

    /** The smallest power of ten (≤ 10^6) that makes every weight an integer; else rounding at 10^6. */
    /** Integer weights by the one rule every integer backend shares ({@link io.edgesplit.solver.IntegerWeights}). */
    void scaleWeights() {
        io.edgesplit.solver.IntegerWeights w = io.edgesplit.solver.IntegerWeights.of(ci);
        weightScale = w.scale();
        exactWeights = w.exact();
        scaledWeight = w.weights();
    }

    /** The CP objective value in ticks. */
    Double ticks(double cpValue) { return cpValue / weightScale; }

    Double boundTicks(double cpBound) {
        if (!Double.isFinite(cpBound)) return null;
        double b = cpBound / weightScale;
        // With rounded weights the CP bound is a bound of another objective: report none rather than a wrong one.
        return exactWeights ? Math.max(0, b) : null;
    }
}
