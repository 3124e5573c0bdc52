package io.edgesplit.backend.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.SolveOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The constraints and the objective of a cpsat model (see {@link CpSatSolver} and docs/cpsat.md). */
abstract class CpSatConstraints extends CpSatSymmetry {
    CpSatConstraints(CompiledInstance ci, SolveOptions options, SubModel scope) { super(ci, options, scope); }

    void build() { build(Long.MAX_VALUE); }

    /** Builds the model; throws {@link CpSatRun.OutOfTime} once {@code deadlineNanos} has passed (checked per layer and tensor). */
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
        layerStart = new IntVar[T][];
        layerEnd = new IntVar[T][];
        onNode = new Literal[T][][];
        items = new Item[T][][];
        completion = new IntVar[T];
        List<List<IntervalVar>> compute = new ArrayList<>(), ingress = new ArrayList<>();
        for (int n = 0; n < N; n++) {
            compute.add(new ArrayList<>());
            ingress.add(new ArrayList<>());
        }
        List<List<Literal>> usedBy = new ArrayList<>(); // per node, the literals of the layers that may run there
        for (int n = 0; n < N; n++) usedBy.add(new ArrayList<>());
        LinearExprBuilder[] load = new LinearExprBuilder[N], inLoad = new LinearExprBuilder[N];
        for (int n = 0; n < N; n++) {
            load[n] = LinearExpr.newBuilder();
            inLoad[n] = LinearExpr.newBuilder();
        }
        boolean cumulative = options.params().getBoolean("cumulative", false);
        CumulativeConstraint cumul = cumulative ? cp.addCumulative(N) : null;
        boolean ingressMode = ci.contention() == Contention.INGRESS;

        for (int t = 0; t < T; t++) {
            if (modelled != null && !modelled[t]) continue;
            if (io.edgesplit.solver.Deadline.passed(deadlineNanos)) throw new CpSatRun.OutOfTime();
            int L = ci.layerCount(t);
            layerStart[t] = new IntVar[L];
            layerEnd[t] = new IntVar[L];
            onNode[t] = new Literal[L][N];
            long release = ci.release(t);
            for (int l = 0; l < L; l++) {
                // Checked per layer and per tensor, not only per task: a task of a large model takes long enough
                // to build (under load) that a per-task check overran the limit by up to 0.6 s.
                if (io.edgesplit.solver.Deadline.passed(deadlineNanos)) throw new CpSatRun.OutOfTime();
                int[] nodes = nodes(t, l);
                long lo = Long.MAX_VALUE;
                for (int n : nodes) lo = Math.min(lo, Math.max(release, ci.availableAt(n)));
                layerStart[t][l] = cp.newIntVar(lo, taskHorizon[t], "s" + t + "_" + l);
                layerEnd[t][l] = cp.newIntVar(lo, taskHorizon[t], "e" + t + "_" + l);
                LinearExprBuilder dur = LinearExpr.newBuilder();
                List<Literal> pres = new ArrayList<>();
                long lo2 = Long.MAX_VALUE, hi2 = 0; // the range of the duration, for the cumulative
                for (int n : nodes) {
                    Literal xn = nodes.length == 1 ? TRUE : cp.newBoolVar("x" + t + "_" + l + "_" + n);
                    onNode[t][l][n] = xn;
                    pres.add(xn);
                    usedBy.get(n).add(xn);
                    // One piece (the duration proc) unless n's speed fluctuates while the layer may start.
                    Pieces pc = Pieces.ofLayer(ci, steps, t, l, n, Math.max(release, ci.availableAt(n)), taskHorizon[t]);
                    lo2 = Math.min(lo2, pc.min());
                    hi2 = Math.max(hi2, pc.max());
                    Literal[] z = pieceLiterals(xn, layerStart[t][l], pc, "x" + t + "_" + l + "_" + n);
                    for (int k = 0; k < z.length; k++) addTerm(dur, z[k], pc.dur()[k]);
                    occupy(compute.get(n), load[n], xn, layerStart[t][l], layerEnd[t][l], z, pc, "c" + t + "_" + l + "_" + n);
                    if (ci.availableAt(n) > lo)
                        cp.addGreaterOrEqual(layerStart[t][l], ci.availableAt(n)).onlyEnforceIf(when(xn));
                }
                if (nodes.length > 1) cp.addExactlyOne(pres);
                LinearExpr d = dur.build();
                // The explicit duration (measured in docs/cpsat.md): end = start + Σ proc·x.
                cp.addEquality(LinearExpr.newBuilder().add(layerEnd[t][l]).addTerm(layerStart[t][l], -1).build(), d);
                if (cumul != null) {
                    // CP-SAT intervals take at most one variable in their size: name the duration.
                    IntVar dv = cp.newIntVar(lo2, hi2, "d" + t + "_" + l);
                    cp.addEquality(dv, d);
                    cumul.addDemand(cp.newIntervalVar(layerStart[t][l], dv, layerEnd[t][l], "m" + t + "_" + l), 1);
                }
                for (int pr : ci.preds(t, l)) cp.addGreaterOrEqual(layerStart[t][l], layerEnd[t][pr]);
            }

            // Transfer items, one per (tensor, destination).
            items[t] = new Item[L + 1][N];
            int origin = ci.origin(t);
            for (int tensor = -1; tensor < L; tensor++) {
                if (io.edgesplit.solver.Deadline.passed(deadlineNanos)) throw new CpSatRun.OutOfTime();
                for (int q = 0; q < N; q++) {
                    List<Literal> consumers = new ArrayList<>();
                    if (tensor < 0) {
                        if (q == origin) continue;
                        for (int l = 0; l < L; l++) if (ci.readsInput(t, l) && onNode[t][l][q] != null) consumers.add(onNode[t][l][q]);
                    } else {
                        for (int v : ci.succs(t, tensor)) if (onNode[t][v][q] != null) consumers.add(onNode[t][v][q]);
                        if (ci.isOutput(t, tensor) && q == origin) consumers.add(TRUE);
                    }
                    if (consumers.isEmpty()) continue;
                    Item it = new Item(t, tensor, q, N);
                    boolean anySource = false;
                    double bytes = ci.tensorBytes(t, tensor);
                    long ready = tensor < 0 ? release : 0;
                    for (int p = 0; p < N; p++) {
                        if (p == q) continue;
                        Literal src = tensor < 0 ? (p == origin ? TRUE : null) : onNode[t][tensor][p];
                        if (src == null) continue;
                        anySource = true;
                        it.pieces[p] = Pieces.ofTransfer(ci, steps, bytes, p, q, ready, taskHorizon[t]);
                        it.d[p] = it.pieces[p].max();
                    }
                    if (!anySource) continue;
                    boolean allZero = true;
                    for (int p = 0; p < N; p++) allZero &= it.d[p] == 0;
                    if (allZero) {
                        it.implicit = true;
                        items[t][tensor + 1][q] = it;
                        continue;
                    }
                    it.needed = or(consumers);
                    LinearExprBuilder dur = LinearExpr.newBuilder();
                    it.ts = cp.newIntVar(ready, taskHorizon[t], "ts" + t + "_" + tensor + "_" + q);
                    it.te = cp.newIntVar(ready, taskHorizon[t], "te" + t + "_" + tensor + "_" + q);
                    for (int p = 0; p < N; p++) {
                        if (p == q) continue;
                        Literal src = tensor < 0 ? (p == origin ? TRUE : null) : onNode[t][tensor][p];
                        if (src == null) continue;
                        Literal y = and(src, it.needed);
                        it.y[p] = y;
                        // One piece unless p's or q's link fluctuates while the transfer may start.
                        Pieces pc = it.pieces[p];
                        Literal[] z = pieceLiterals(y, it.ts, pc, "tr" + t + "_" + tensor + "_" + p + "_" + q);
                        for (int k = 0; k < z.length; k++) addTerm(dur, z[k], pc.dur()[k]);
                        if (ingressMode) occupy(ingress.get(q), inLoad[q], y, it.ts, it.te, z, pc, "tr" + t + "_" + tensor + "_" + p + "_" + q);
                    }
                    cp.addEquality(LinearExpr.newBuilder().add(it.te).addTerm(it.ts, -1).build(), dur.build());
                    if (tensor >= 0) cp.addGreaterOrEqual(it.ts, layerEnd[t][tensor]);
                    items[t][tensor + 1][q] = it;
                }
            }
            // Consumers wait for the transfer that brings their tensor (only when the producer is elsewhere).
            for (int l = 0; l < L; l++) {
                for (int q : nodes(t, l)) {
                    if (ci.readsInput(t, l) && q != origin) {
                        Item it = items[t][0][q];
                        // An implicit input transfer arrives at release, and no layer starts before release.
                        if (!it.implicit) cp.addGreaterOrEqual(layerStart[t][l], it.te).onlyEnforceIf(when(onNode[t][l][q]));
                    }
                    for (int u : ci.preds(t, l)) {
                        Item it = items[t][u + 1][q];
                        // u always on q, or a zero-tick transfer: the precedence s ≥ layerEnd[u] suffices
                        if (it == null || it.implicit) continue;
                        List<Literal> en = new ArrayList<>(List.of(when(onNode[t][l][q])));
                        if (onNode[t][u][q] != null) en.add(onNode[t][u][q].not());
                        cp.addGreaterOrEqual(layerStart[t][l], it.te).onlyEnforceIf(en.toArray(new Literal[0]));
                    }
                }
                if (ci.granularity() == Granularity.SEGMENT && l > 0)
                    for (int n = 0; n < N; n++)
                        if (onNode[t][l - 1][n] != null && onNode[t][l][n] != null)
                            cp.addEquality(layerStart[t][l], layerEnd[t][l - 1]).onlyEnforceIf(when(onNode[t][l - 1][n], onNode[t][l][n]));
            }
            // Completion: the latest output end on the origin or return-transfer end.
            completion[t] = cp.newIntVar(release, taskHorizon[t], "C" + t);
            for (int u = 0; u < L; u++) {
                if (!ci.isOutput(t, u)) continue;
                cp.addGreaterOrEqual(completion[t], layerEnd[t][u]);
                Item ret = items[t][u + 1][origin];
                if (ret != null && !ret.implicit) {
                    Literal onOrigin = onNode[t][u][origin];
                    if (onOrigin == null) cp.addGreaterOrEqual(completion[t], ret.te);
                    else cp.addGreaterOrEqual(completion[t], ret.te).onlyEnforceIf(onOrigin.not());
                }
            }
        }
        if (modelled != null) addFrozen(compute, ingress, ingressMode);
        for (int n = 0; n < N; n++) {
            if (compute.get(n).size() > 1) cp.addNoOverlap(compute.get(n));
            if (ingress.get(n).size() > 1) cp.addNoOverlap(ingress.get(n));
        }

        if (ci.objective() == Objective.MAKESPAN) {
            makespan = cp.newIntVar(0, ub >= 0 ? Math.min(horizon, ub) : horizon, "makespan");
            for (int t = 0; t < T; t++)
                if (completion[t] != null) cp.addGreaterOrEqual(makespan, completion[t]);
                else cp.addGreaterOrEqual(makespan, frozen.completion(ci, t));
            if (options.params().getBoolean("loadCuts", true)) {
                long minRelease = Long.MAX_VALUE;
                for (int t = 0; t < T; t++) minRelease = Math.min(minRelease, ci.release(t));
                for (int n = 0; n < N; n++) {
                    // Everything on n starts at or after availableAt(n) and the earliest release, never
                    // overlaps, and ends by the makespan. CP-SAT's LP has no such energy reasoning by itself:
                    // without these cuts it proved 44 on Brandimarte Mk07 (optimum 139), with them 139 in 3 s.
                    long from = Math.max(ci.availableAt(n), minRelease);
                    if (from == minRelease) cp.addGreaterOrEqual(makespan, load[n].add(from).build());
                    else if (!usedBy.get(n).isEmpty()) {
                        // availableAt(n) bounds the makespan only when something runs on n: unguarded, this cut
                        // made the proven optimum of a one-layer task on its device 2 ticks instead of 1,
                        // because an idle server became available at tick 2 (found by ChainBruteForce). So the
                        // offset beyond the earliest release counts with "n is used" (the OR of its layers'
                        // literals), as a plain linear term: in the LP, used ≥ every x, which keeps the cut as
                        // strong as before wherever some layer is on n (an enforced constraint would be big-M).
                        addTerm(load[n].add(minRelease), or(usedBy.get(n)), from - minRelease);
                        cp.addGreaterOrEqual(makespan, load[n].build());
                    }
                    if (ingressMode) cp.addGreaterOrEqual(makespan, inLoad[n].add(minRelease).build());
                }
            }
            objective = makespan;
            cp.minimize(makespan);
        } else {
            LinearExprBuilder obj = LinearExpr.newBuilder();
            long offset = 0;
            for (int t = 0; t < T; t++) {
                if (completion[t] != null) obj.addTerm(completion[t], scaledWeight[t]);
                else offset -= scaledWeight[t] * frozen.completion(ci, t);
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

    /**
     * The option's occupation of a resource (a node's compute, or its ingress) and its share of that resource's
     * load: an optional interval of each piece's duration, present with the piece's literal, all sharing the
     * option's start and end (one interval of the fixed size proc without fluctuations); zero-tick pieces occupy
     * nothing (docs/model.md §4). By default ({@code fluctuationIntervals = sized}) an option of several pieces,
     * all of positive duration, is instead one interval whose size is the variable Σ d_k·z_k: that proved
     * the optima of fluctuating instances faster than one interval per piece on 15 of 18 (docs/cpsat.md).
     */
    private void occupy(List<IntervalVar> resource, LinearExprBuilder load, Literal option, IntVar start, IntVar end,
                        Literal[] z, Pieces pc, String name) {
        for (int k = 0; k < z.length; k++) if (pc.dur()[k] > 0) addTerm(load, z[k], pc.dur()[k]);
        if (z.length > 1 && pc.min() > 0 && "sized".equals(options.params().getString("fluctuationIntervals", "sized"))) {
            IntVar size = cp.newIntVar(pc.min(), pc.max(), name + "_d");
            LinearExprBuilder sum = LinearExpr.newBuilder().addTerm(size, -1);
            for (int k = 0; k < z.length; k++) addTerm(sum, z[k], pc.dur()[k]);
            cp.addEquality(sum.build(), 0).onlyEnforceIf(when(option));
            resource.add(cp.newOptionalIntervalVar(start, size, end, option, name));
            Piecewise w = pieced.remove(pieced.size() - 1);
            pieced.add(new Piecewise(w.option(), w.start(), w.pieces(), w.lits(), size));
            return;
        }
        for (int k = 0; k < z.length; k++)
            if (pc.dur()[k] > 0)
                resource.add(cp.newOptionalIntervalVar(start, LinearExpr.constant(pc.dur()[k]), end, z[k], z.length == 1 ? name : name + "_k" + k));
    }

    /**
     * The tasks that are not modelled, as fixed intervals where a modelled activity could meet them: their
     * positive-duration layers on the nodes a modelled layer may use, and their positive-duration transfers
     * into those nodes and into the modelled tasks' origins (where returns arrive), all ending after the
     * earliest modelled release (nothing modelled starts before it). Per node, touching or overlapping ones
     * are merged into one block, which excludes exactly the same starts: a segment of back-to-back layers, or
     * a server's queue, becomes one interval (20,000 frozen intervals on the 1000-task instance kept CP-SAT
     * in presolve for a whole step).
     */
    private void addFrozen(List<List<IntervalVar>> compute, List<List<IntervalVar>> ingress, boolean ingressMode) {
        boolean[] used = new boolean[N];
        long lo = Long.MAX_VALUE;
        for (int t = 0; t < ci.taskCount(); t++) {
            if (!modelled[t]) continue;
            lo = Math.min(lo, ci.release(t));
            used[ci.origin(t)] = true;
            for (int l = 0; l < ci.layerCount(t); l++) for (int n : nodes(t, l)) used[n] = true;
        }
        List<List<long[]>> busy = new ArrayList<>(), arriving = new ArrayList<>();
        for (int n = 0; n < N; n++) {
            busy.add(new ArrayList<>());
            arriving.add(new ArrayList<>());
        }
        for (int t = 0; t < ci.taskCount(); t++) {
            if (modelled[t]) continue;
            for (int l = 0; l < ci.layerCount(t); l++) {
                int n = frozen.node(t, l);
                long st = frozen.start(t, l), p = ci.procAt(t, l, n, st);
                if (p > 0 && used[n] && st + p > lo) busy.get(n).add(new long[]{st, st + p});
            }
            if (!ingressMode) continue;
            for (Transfer tr : frozen.transfers(t)) {
                long d = ci.transferAt(ci.tensorBytes(t, tr.tensor()), tr.from(), tr.to(), tr.start());
                if (d > 0 && used[tr.to()] && tr.start() + d > lo) arriving.get(tr.to()).add(new long[]{tr.start(), tr.start() + d});
            }
        }
        for (int n = 0; n < N; n++) {
            for (long[] b : merged(busy.get(n))) compute.get(n).add(cp.newFixedInterval(b[0], b[1] - b[0], "f" + n + "_" + b[0]));
            for (long[] b : merged(arriving.get(n))) ingress.get(n).add(cp.newFixedInterval(b[0], b[1] - b[0], "fi" + n + "_" + b[0]));
        }
    }

    /** [start, end) blocks, sorted, with touching or overlapping ones merged. */
    private static List<long[]> merged(List<long[]> blocks) {
        blocks.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] b : blocks) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] >= b[0]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], b[1]);
            } else out.add(new long[]{b[0], b[1]});
        }
        return out;
    }
}
