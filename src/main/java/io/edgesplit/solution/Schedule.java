package io.edgesplit.solution;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A complete schedule by indices: for every task, every layer's node and start tick and its transfers.
 * This is what backends produce; {@link #toSolution} names it for files and the validator. Immutable:
 * constructed from copies.
 */
public final class Schedule {
    private final int[][] node;
    private final long[][] start;
    private final List<List<Transfer>> transfers;

    public Schedule(int[][] node, long[][] start, List<List<Transfer>> transfers) {
        if (node.length != start.length || node.length != transfers.size())
            throw new IllegalArgumentException("node, start and transfers must have one entry per task");
        this.node = new int[node.length][];
        this.start = new long[start.length][];
        List<List<Transfer>> tr = new ArrayList<>(transfers.size());
        for (int t = 0; t < node.length; t++) {
            this.node[t] = node[t].clone();
            this.start[t] = start[t].clone();
            tr.add(List.copyOf(transfers.get(t)));
        }
        this.transfers = List.copyOf(tr);
    }

    public int taskCount() { return node.length; }

    public int node(int task, int layer) { return node[task][layer]; }

    public long start(int task, int layer) { return start[task][layer]; }

    /** A copy of the task's placement (node per layer). */
    public int[] placement(int task) { return node[task].clone(); }

    public List<Transfer> transfers(int task) { return transfers.get(task); }

    /** End tick of a layer. */
    public long end(CompiledInstance ci, int task, int layer) {
        return start[task][layer] + ci.procAt(task, layer, node[task][layer], start[task][layer]);
    }

    /** C_t (docs/model.md §4.7): the latest end among return transfers and output layers on the origin. */
    public long completion(CompiledInstance ci, int t) {
        long c = Long.MIN_VALUE; // every task has an output, so some term below always applies
        int origin = ci.origin(t);
        for (int l = 0; l < ci.layerCount(t); l++)
            if (ci.isOutput(t, l) && node[t][l] == origin) c = Math.max(c, end(ci, t, l));
        for (Transfer tr : transfers.get(t))
            if (tr.to() == origin && tr.tensor() != Transfer.INPUT && ci.isOutput(t, tr.tensor()))
                c = Math.max(c, tr.start() + ci.transferAt(ci.tensorBytes(t, tr.tensor()), tr.from(), tr.to(), tr.start()));
        return c;
    }

    /** The objective in ticks (docs/model.md §5). */
    public double objectiveTicks(CompiledInstance ci) {
        long[] c = new long[taskCount()];
        for (int t = 0; t < c.length; t++) c[t] = completion(ci, t);
        return objective(ci, c);
    }

    /** The objective from completion ticks. */
    public static double objective(CompiledInstance ci, long[] completion) {
        if (ci.objective() == Objective.MAKESPAN) {
            long m = 0;
            for (long c : completion) m = Math.max(m, c);
            return m;
        }
        double s = 0;
        for (int t = 0; t < completion.length; t++) s += ci.weight(t) * (completion[t] - ci.release(t));
        return s;
    }

    /** Names this schedule as a solution file's content. */
    public Solution toSolution(CompiledInstance ci, String solver, Status status, Long lowerBoundTicks, Double wallSeconds) {
        List<TaskSchedule> ts = new ArrayList<>();
        for (int t = 0; t < taskCount(); t++) {
            List<LayerStart> ls = new ArrayList<>();
            for (int l = 0; l < ci.layerCount(t); l++)
                ls.add(new LayerStart(ci.layerName(t, l), ci.nodeName(node[t][l]), start[t][l]));
            List<Transfer> sorted = new ArrayList<>(transfers.get(t));
            sorted.sort(Comparator.comparingLong(Transfer::start).thenComparingInt(Transfer::tensor).thenComparingInt(Transfer::to));
            List<TransferStart> trs = new ArrayList<>();
            for (Transfer tr : sorted)
                trs.add(new TransferStart(tr.tensor() == Transfer.INPUT ? "input" : ci.layerName(t, tr.tensor()),
                        ci.nodeName(tr.from()), ci.nodeName(tr.to()), tr.start()));
            ts.add(new TaskSchedule(ci.taskName(t), completion(ci, t), ls, trs));
        }
        double obj = objectiveTicks(ci);
        return new Solution(ci.name(), solver, status, ci.seconds(obj), obj, lowerBoundTicks, wallSeconds, ts, null);
    }

    /** Reads a solution's schedule back into indices; names must be valid (run the validator first). */
    public static Schedule fromSolution(CompiledInstance ci, Solution s) {
        int n = ci.taskCount();
        int[][] node = new int[n][];
        long[][] start = new long[n][];
        List<List<Transfer>> trs = new ArrayList<>();
        for (int t = 0; t < n; t++) trs.add(new ArrayList<>());
        for (TaskSchedule ts : s.tasks()) {
            int t = ci.taskIndex(ts.task());
            if (t < 0) throw new IllegalArgumentException("unknown task " + ts.task());
            node[t] = new int[ci.layerCount(t)];
            start[t] = new long[ci.layerCount(t)];
            Arrays.fill(node[t], -1);
            for (LayerStart ls : ts.layers()) {
                int l = ci.layerIndex(t, ls.layer());
                node[t][l] = ci.nodeIndex(ls.node());
                start[t][l] = ls.start();
            }
            for (TransferStart tr : ts.transfers())
                trs.get(t).add(new Transfer(tr.tensor().equals("input") ? Transfer.INPUT : ci.layerIndex(t, tr.tensor()),
                        ci.nodeIndex(tr.from()), ci.nodeIndex(tr.to()), tr.start()));
        }
        for (int t = 0; t < n; t++)
            if (node[t] == null) throw new IllegalArgumentException("solution has no schedule for task " + ci.taskName(t));
        return new Schedule(node, start, trs);
    }
}
