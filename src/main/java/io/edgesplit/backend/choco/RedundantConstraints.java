package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The redundant constraints of a {@link ChocoModel} (each measured to help, docs/choco.md; all sound, see
 * the proofs below): per-task completion bounds, heads and tails of each (layer, node) from the task
 * alone, and per-node load cuts for the makespan. They are computed on the model's own node sets, so in a
 * sub-model they relax the sub-model.
 */
final class RedundantConstraints {
    private final ChocoModel m;
    private final CompiledInstance ci;
    private final Model model;
    private final int T;
    private final IntVar[][] S, E;
    private final BoolVar[][][] x;
    private final IntVar[] completion;
    private final boolean pathBounds;
    /** Per task, layer and node: head and tail of {@link #postPathBounds} (null without path bounds). */
    private final long[][][] headOf, tailOf;
    /** Per node: the least head of any layer on it, and the least tail after any layer on it (path bounds). */
    private final long[] minHeadOn, minTailOn;

    RedundantConstraints(ChocoModel m, boolean pathBounds) {
        this.m = m;
        this.ci = m.ci;
        this.model = m.model;
        this.T = m.T;
        this.S = m.S;
        this.E = m.E;
        this.x = m.x;
        this.completion = m.completion;
        this.pathBounds = pathBounds;
        this.headOf = new long[T][][];
        this.tailOf = new long[T][][];
        this.minHeadOn = new long[ci.nodeCount()];
        this.minTailOn = new long[ci.nodeCount()];
        Arrays.fill(minHeadOn, Long.MAX_VALUE);
        Arrays.fill(minTailOn, Long.MAX_VALUE);
    }

    private int[] nodesFor(int t, int l) { return m.nodesFor(t, l); }

    private boolean canRun(int t, int l, int n) { return m.canRun(t, l, n); }

    private void checkTime() { m.checkTime(); }

    private static int clamp(long v) { return ChocoModel.clamp(v); }

    /**
     * A redundant bound on C_t that propagation alone misses while placements are open (a consumer's
     * transfer delay only counts once both ends are placed): either every layer runs on the origin, one at
     * a time after max(release, availableAt), or some layer runs on another node q, and the path from the
     * input through it back to the origin crosses the network twice (into q and out of q). Both cases also
     * need the longest path of shortest processing times.
     */
    void postTaskBound(int t) {
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
     * on n, S ≥ head(l,n) and C_t ≥ E + tail(l,n), since each term is a constraint of docs/model.md (a transfer
     * starts at or after its producer's end, a consumer at or after the transfer's end, C_t after every
     * return), and dropping constraints only lowers these values. Posted as x[l][n] ⇒ …, plus the
     * placement-free versions (minimum over n).
     */
    void postPathBounds(int t) {
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
        m.pathLength[t] = new long[L][N];
        for (int l = 0; l < L; l++) {
            int[] nodes = nodesFor(t, l);
            for (int n : nodes) {
                m.pathLength[t][l][n] = head[l][n] + ci.proc(t, l, n) + tail[l][n];
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

    /**
     * Redundant load cuts for the makespan (measured to help, see docs/choco.md): everything placed on a
     * node's compute starts at or after its availableAt and nothing overlaps, so availableAt(n) + Σ proc of
     * its layers ≤ makespan when some layer is placed on n; likewise for the transfers into a node after the
     * earliest release. availableAt counts only when the node is used: a late-available node that an optimal
     * schedule leaves idle must not raise the makespan (an unconditional offset cut off such optima).
     */
    void postLoadCuts() {
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
                    for (ChocoModel.TransferVar tv : m.transfers.get(t)) {
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
        v[vs.size()] = m.objective;
        c[vs.size()] = -1;
        model.scalar(v, c, "<=", (int) -offset).post();
    }
}
