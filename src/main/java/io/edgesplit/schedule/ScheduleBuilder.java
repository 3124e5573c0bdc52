package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Turns a placement (every layer's node) into a feasible schedule: a serial schedule-generation scheme over
 * blocks (segments, or single layers under granularity layer) in the order a {@link PriorityRule} picks,
 * each block and each transfer at its earliest feasible time with insertion into idle gaps. It honours
 * release, availableAt, eligibility (the placement must be eligible), ingress contention and segment
 * atomicity, so its output always passes the validator. Heuristics and baselines all use it.
 */
public final class ScheduleBuilder {
    private ScheduleBuilder() {}

    /** The blocks of one task under the instance's granularity, in list order. */
    public static List<Block> blocks(CompiledInstance ci, int t, int[] nodeOf) {
        List<Block> out = new ArrayList<>();
        int L = ci.layerCount(t);
        boolean segments = ci.granularity() == Granularity.SEGMENT;
        int first = 0;
        for (int l = 1; l <= L; l++) {
            if (l == L || !segments || nodeOf[l] != nodeOf[first]) {
                out.add(new Block(t, out.size(), first, l - 1, nodeOf[first]));
                first = l;
            }
        }
        return out;
    }

    /** Segments (maximal same-node runs in list order) regardless of granularity: the partition of a plan. */
    public static List<Block> segments(CompiledInstance ci, int t, int[] nodeOf) {
        List<Block> out = new ArrayList<>();
        int first = 0, L = ci.layerCount(t);
        for (int l = 1; l <= L; l++)
            if (l == L || nodeOf[l] != nodeOf[first]) {
                out.add(new Block(t, out.size(), first, l - 1, nodeOf[first]));
                first = l;
            }
        return out;
    }

    /**
     * A copy of task t's placement after checking it has one node per layer, each one the layer can run on.
     *
     * @throws IllegalArgumentException naming the task and the offending layer
     */
    public static int[] checkedPlacement(CompiledInstance ci, int t, int[] placement) {
        if (placement.length != ci.layerCount(t))
            throw new IllegalArgumentException("task " + ci.taskName(t) + ": placement has " + placement.length
                    + " entries for " + ci.layerCount(t) + " layers");
        for (int l = 0; l < placement.length; l++)
            if (placement[l] < 0 || placement[l] >= ci.nodeCount() || !ci.canRun(t, l, placement[l]))
                throw new IllegalArgumentException("task " + ci.taskName(t) + ": layer " + ci.layerName(t, l)
                        + " cannot run on node index " + placement[l]);
        return placement.clone();
    }

    public static Schedule build(CompiledInstance ci, int[][] placement) {
        return build(ci, placement, PriorityRule.earliestReady());
    }

    /**
     * @param placement per task, per layer, the node; every entry must be a node the layer can run on
     * @throws IllegalArgumentException when a layer is placed where it cannot run
     */
    public static Schedule build(CompiledInstance ci, int[][] placement, PriorityRule rule) {
        return new Run(ci, placement).schedule(rule);
    }

    private static final class Run {
        final CompiledInstance ci;
        final int[][] nodeOf;
        final long[][] start;
        final long[][] end;
        final Timeline[] compute;
        final Timeline[] ingress;
        final List<List<Transfer>> transfers = new ArrayList<>();
        final List<Map<Long, Long>> arrival = new ArrayList<>(); // per task: key(tensor,node) -> arrival tick

        Run(CompiledInstance ci, int[][] placement) {
            this.ci = ci;
            int T = ci.taskCount();
            nodeOf = new int[T][];
            start = new long[T][];
            end = new long[T][];
            for (int t = 0; t < T; t++) {
                nodeOf[t] = checkedPlacement(ci, t, placement[t]);
                start[t] = new long[ci.layerCount(t)];
                end[t] = new long[ci.layerCount(t)];
                transfers.add(new ArrayList<>());
                arrival.add(new HashMap<>());
            }
            compute = new Timeline[ci.nodeCount()];
            ingress = new Timeline[ci.nodeCount()];
            for (int n = 0; n < ci.nodeCount(); n++) {
                compute[n] = new Timeline();
                ingress[n] = new Timeline();
            }
        }

        Schedule schedule(PriorityRule rule) {
            int T = ci.taskCount();
            List<List<Block>> blocks = new ArrayList<>();
            int[][] blockOf = new int[T][];
            int[][] missing = new int[T][]; // unplaced predecessor blocks per block
            List<List<List<Integer>>> dependents = new ArrayList<>();
            PriorityQueue<PriorityRule.Candidate> ready = new PriorityQueue<>(rule);
            for (int t = 0; t < T; t++) {
                List<Block> bs = blocks(ci, t, nodeOf[t]);
                blocks.add(bs);
                blockOf[t] = new int[ci.layerCount(t)];
                for (Block b : bs) for (int l = b.first(); l <= b.last(); l++) blockOf[t][l] = b.index();
                missing[t] = new int[bs.size()];
                List<List<Integer>> deps = new ArrayList<>();
                for (int i = 0; i < bs.size(); i++) deps.add(new ArrayList<>());
                for (Block b : bs) {
                    java.util.Set<Integer> preds = new java.util.TreeSet<>();
                    for (int l = b.first(); l <= b.last(); l++)
                        for (int p : ci.preds(t, l)) if (blockOf[t][p] != b.index()) preds.add(blockOf[t][p]);
                    missing[t][b.index()] = preds.size();
                    for (int p : preds) deps.get(p).add(b.index());
                }
                dependents.add(deps);
                for (Block b : bs) if (missing[t][b.index()] == 0) ready.add(new PriorityRule.Candidate(b, readyEstimate(b)));
            }
            while (!ready.isEmpty()) {
                Block b = ready.poll().block();
                place(b);
                int t = b.task();
                for (int d : dependents.get(t).get(b.index()))
                    if (--missing[t][d] == 0) {
                        Block db = blocks.get(t).get(d);
                        ready.add(new PriorityRule.Candidate(db, readyEstimate(db)));
                    }
            }
            return new Schedule(nodeOf, start, transfers);
        }

        long readyEstimate(Block b) {
            int t = b.task();
            long r = ci.release(t);
            for (int l = b.first(); l <= b.last(); l++)
                for (int p : ci.preds(t, l)) if (p < b.first()) r = Math.max(r, end[t][p]);
            return r;
        }

        /** Arrival of {@code tensor} (−1 = model input) of task t on node n, scheduling the transfer if needed. */
        long arrive(int t, int tensor, int n) {
            int src = tensor < 0 ? ci.origin(t) : nodeOf[t][tensor];
            long readyAt = tensor < 0 ? ci.release(t) : end[t][tensor];
            if (src == n) return readyAt;
            long key = ((long) tensor + 1) * ci.nodeCount() + n;
            Long known = arrival.get(t).get(key);
            if (known != null) return known;
            long dur = ci.transfer(ci.tensorBytes(t, tensor), src, n);
            long s = readyAt;
            if (ci.contention() == Contention.INGRESS) {
                s = ingress[n].earliestFit(readyAt, dur);
                ingress[n].reserve(s, dur);
            }
            transfers.get(t).add(new Transfer(tensor, src, n, s));
            arrival.get(t).put(key, s + dur);
            return s + dur;
        }

        void place(Block b) {
            int t = b.task(), n = b.node();
            // The tensors this block receives from other nodes, scheduled in order of readiness.
            List<long[]> needs = new ArrayList<>(); // {readyAt, tensor}
            for (int l = b.first(); l <= b.last(); l++) {
                if (ci.readsInput(t, l) && ci.origin(t) != n) needs.add(new long[]{ci.release(t), -1});
                for (int p : ci.preds(t, l))
                    if (p < b.first() && nodeOf[t][p] != n) needs.add(new long[]{end[t][p], p});
            }
            needs.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            for (long[] need : needs) arrive(t, (int) need[1], n);

            long blockReady = ci.availableAt(n);
            long offset = 0;
            for (int l = b.first(); l <= b.last(); l++) {
                long lb = 0;
                if (ci.readsInput(t, l)) lb = arrive(t, -1, n);
                for (int p : ci.preds(t, l)) {
                    if (p >= b.first()) continue; // inside the block: covered by the offset
                    lb = Math.max(lb, nodeOf[t][p] == n ? end[t][p] : arrive(t, p, n));
                }
                blockReady = Math.max(blockReady, lb - offset);
                offset += ci.proc(t, l, n);
            }
            long s = compute[n].earliestFit(blockReady, offset);
            compute[n].reserve(s, offset);
            long at = s;
            for (int l = b.first(); l <= b.last(); l++) {
                start[t][l] = at;
                at += ci.proc(t, l, n);
                end[t][l] = at;
            }
            for (int l = b.first(); l <= b.last(); l++)
                if (ci.isOutput(t, l) && n != ci.origin(t)) arrive(t, l, ci.origin(t));
        }
    }
}
