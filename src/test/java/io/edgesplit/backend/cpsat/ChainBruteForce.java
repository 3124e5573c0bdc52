package io.edgesplit.backend.cpsat;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * The best schedule of a tiny instance of single-chain tasks with fluctuations (docs/model.md §8), by plain
 * enumeration, independent of any backend: every placement, and per placement every start tick of every layer
 * and transfer (in the chain's order, task after task) whose end is at most {@code horizon}. Durations are read
 * at each start ({@code procAt}, {@code transferAt}), so waiting is among the schedules tried. Only a bound on
 * the objective prunes (a partial schedule already as bad as the best one found is abandoned), and the resources
 * are bit masks of ticks, so the horizon must stay below 63.
 */
final class ChainBruteForce {
    /** One layer or transfer of a task's chain. */
    private record Act(boolean layer, int index, int from, int to, double bytes) {}

    private final CompiledInstance ci;
    private final int horizon;
    private final boolean ingress, segment, makespan;
    private final List<List<Act>> chains = new ArrayList<>();
    private final long[][] start;     // [t][act]
    private final long[] computeBusy, ingressBusy;
    private double best;
    private Schedule bestSchedule;
    private int[][] placement;

    private ChainBruteForce(CompiledInstance ci, int horizon) {
        if (horizon > 62) throw new IllegalArgumentException("horizon " + horizon + " too long for the bit masks");
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 1; l < ci.layerCount(t); l++)
                if (ci.preds(t, l).length != 1 || ci.preds(t, l)[0] != l - 1) throw new IllegalArgumentException("chains only");
        this.ci = ci;
        this.horizon = horizon;
        this.ingress = ci.contention() == Contention.INGRESS;
        this.segment = ci.granularity() == Granularity.SEGMENT;
        this.makespan = ci.objective() == Objective.MAKESPAN;
        this.start = new long[ci.taskCount()][];
        this.computeBusy = new long[ci.nodeCount()];
        this.ingressBusy = new long[ci.nodeCount()];
    }

    /** The best schedule whose every activity ends by {@code horizon}, or null when there is none. */
    static Schedule best(CompiledInstance ci, int horizon) {
        ChainBruteForce bf = new ChainBruteForce(ci, horizon);
        bf.best = Double.POSITIVE_INFINITY;
        bf.placement = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) bf.placement[t] = new int[ci.layerCount(t)];
        bf.placements(0, 0);
        return bf.bestSchedule;
    }

    private void placements(int t, int l) {
        if (t == ci.taskCount()) {
            chains.clear();
            for (int u = 0; u < ci.taskCount(); u++) {
                chains.add(chain(u));
                start[u] = new long[chains.get(u).size()];
            }
            search(0, 0, 0);
            return;
        }
        if (l == ci.layerCount(t)) {
            placements(t + 1, 0);
            return;
        }
        for (int n : ci.nodesFor(t, l)) {
            placement[t][l] = n;
            placements(t, l + 1);
        }
    }

    /** The layers and required transfers of task t's chain under the current placement (docs/model.md §3), in order. */
    private List<Act> chain(int t) {
        List<Act> acts = new ArrayList<>();
        int[] node = placement[t];
        int origin = ci.origin(t), L = node.length;
        for (int l = 0; l < L; l++) {
            if (l == 0 && node[0] != origin) acts.add(new Act(false, -1, origin, node[0], ci.inputBytes(t)));
            if (l > 0 && node[l - 1] != node[l]) acts.add(new Act(false, l - 1, node[l - 1], node[l], ci.outputBytes(t, l - 1)));
            acts.add(new Act(true, l, node[l], node[l], 0));
        }
        if (node[L - 1] != origin) acts.add(new Act(false, L - 1, node[L - 1], origin, ci.outputBytes(t, L - 1)));
        return acts;
    }

    /** Tries every start of activity a of task t, given everything before it; {@code sofar} = the objective of the finished tasks. */
    private void search(int t, int a, double sofar) {
        if (sofar >= best) return;
        if (t == ci.taskCount()) {
            best = sofar;
            bestSchedule = schedule();
            return;
        }
        List<Act> chain = chains.get(t);
        if (a == chain.size()) {
            long c = end(t, a - 1);
            double done = makespan ? Math.max(sofar, c) : sofar + ci.weight(t) * (c - ci.release(t));
            search(t + 1, 0, done);
            return;
        }
        Act act = chain.get(a);
        long earliest = a == 0 ? ci.release(t) : end(t, a - 1);
        if (act.layer()) earliest = Math.max(earliest, ci.availableAt(act.to()));
        // A segment runs as one block (docs/model.md §4.6): a layer right after its predecessor on the same node starts at its end.
        boolean chained = segment && act.layer() && a > 0 && chain.get(a - 1).layer();
        long latest = chained ? earliest : horizon;
        for (long s = earliest; s <= latest; s++) {
            long d = act.layer() ? ci.procAt(t, act.index(), act.to(), s) : ci.transferAt(act.bytes(), act.from(), act.to(), s);
            if (s + d > horizon) continue;
            if (makespan && s + d >= best) continue;
            long[] busy = act.layer() ? computeBusy : ingress ? ingressBusy : null;
            long mask = d == 0 || busy == null ? 0 : ((1L << d) - 1) << s;
            if (busy != null && (busy[act.to()] & mask) != 0) continue;
            if (busy != null) busy[act.to()] |= mask;
            start[t][a] = s;
            search(t, a + 1, sofar);
            if (busy != null) busy[act.to()] &= ~mask;
        }
    }

    private long end(int t, int a) {
        Act act = chains.get(t).get(a);
        long s = start[t][a];
        return s + (act.layer() ? ci.procAt(t, act.index(), act.to(), s) : ci.transferAt(act.bytes(), act.from(), act.to(), s));
    }

    private Schedule schedule() {
        int T = ci.taskCount();
        int[][] node = new int[T][];
        long[][] starts = new long[T][];
        List<List<Transfer>> transfers = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            node[t] = placement[t].clone();
            starts[t] = new long[node[t].length];
            List<Transfer> tl = new ArrayList<>();
            List<Act> chain = chains.get(t);
            for (int a = 0; a < chain.size(); a++) {
                Act act = chain.get(a);
                if (act.layer()) starts[t][act.index()] = start[t][a];
                else tl.add(new Transfer(act.index(), act.from(), act.to(), start[t][a]));
            }
            transfers.add(tl);
        }
        return new Schedule(node, starts, transfers);
    }
}
