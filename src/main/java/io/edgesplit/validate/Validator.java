package io.edgesplit.validate;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Ticks;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.LayerStart;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.TaskSchedule;
import io.edgesplit.solution.TransferStart;
import io.edgesplit.validate.Violation.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one independent checker of docs/model.md §4: it reads a solution by names, derives the transfers the
 * placement requires by itself, checks every constraint, recomputes every completion and the objective,
 * and returns every violation found, not just the first. It shares only the tick compilation with the
 * backends (docs/model.md §2), never their schedule-building code.
 */
public final class Validator {
    private Validator() {}

    private record Interval(long start, long end, String label) {}

    /** (tensor, destination) → the transfer the placement requires; tensor −1 is the model input. */
    private record Key(int tensor, int to) {}

    public static ValidationReport validate(CompiledInstance ci, Solution s) {
        List<Violation> out = new ArrayList<>();
        if (!ci.name().equals(s.instance()))
            out.add(new Violation(Kind.INSTANCE_NAME, null, null,
                    "solution is for instance \"" + s.instance() + "\", not \"" + ci.name() + "\""));
        if (!s.status().hasSchedule()) {
            if (!s.tasks().isEmpty())
                out.add(new Violation(Kind.STATUS, null, null, "a " + s.status() + " answer carries no tasks"));
            return new ValidationReport(out, null, null);
        }

        Map<String, TaskSchedule> byName = new LinkedHashMap<>();
        for (TaskSchedule ts : s.tasks()) {
            if (ci.taskIndex(ts.task()) < 0)
                out.add(new Violation(Kind.UNKNOWN_TASK, ts.task(), null, "the instance has no task \"" + ts.task() + "\""));
            else if (byName.putIfAbsent(ts.task(), ts) != null)
                out.add(new Violation(Kind.DUPLICATE_TASK, ts.task(), null, "task listed more than once"));
        }

        List<List<Interval>> compute = new ArrayList<>();
        List<List<Interval>> ingress = new ArrayList<>();
        for (int n = 0; n < ci.nodeCount(); n++) {
            compute.add(new ArrayList<>());
            ingress.add(new ArrayList<>());
        }
        long[] completion = new long[ci.taskCount()];
        boolean evaluable = true;
        for (int t = 0; t < ci.taskCount(); t++) {
            TaskSchedule ts = byName.get(ci.taskName(t));
            if (ts == null) {
                out.add(new Violation(Kind.MISSING_TASK, ci.taskName(t), null, "the solution has no schedule for this task"));
                evaluable = false;
                continue;
            }
            Long c = checkTask(ci, t, ts, out, compute, ingress);
            if (c == null) {
                evaluable = false;
                continue;
            }
            completion[t] = c;
            if (c != ts.completionTicks())
                out.add(new Violation(Kind.COMPLETION_MISMATCH, ts.task(), null,
                        "completionTicks is " + ts.completionTicks() + " but the schedule completes at " + c));
        }

        for (int n = 0; n < ci.nodeCount(); n++) {
            overlaps(compute.get(n), Kind.COMPUTE_OVERLAP, ci.nodeName(n), "compute", out);
            if (ci.contention() == Contention.INGRESS)
                overlaps(ingress.get(n), Kind.INGRESS_OVERLAP, ci.nodeName(n), "ingress", out);
        }

        if (!evaluable) return new ValidationReport(out, null, null);
        double obj = objective(ci, completion);
        double secs = obj * ci.timeUnit();
        if (s.objectiveTicks() == null || Math.abs(s.objectiveTicks() - obj) > 1e-6 * Math.max(1, Math.abs(obj)))
            out.add(new Violation(Kind.OBJECTIVE_MISMATCH, null, null,
                    "objectiveTicks is " + s.objectiveTicks() + " but the schedule's " + ci.objective().json() + " is " + fmt(obj)));
        if (s.objective() == null || Math.abs(s.objective() - secs) > 1e-9 * Math.max(1e-12, Math.abs(secs)) + 1e-15)
            out.add(new Violation(Kind.OBJECTIVE_MISMATCH, null, null,
                    "objective is " + s.objective() + " s but the schedule's " + ci.objective().json() + " is " + secs + " s"));
        if (s.lowerBoundTicks() != null && s.lowerBoundTicks() > obj + 1e-6 * Math.max(1, Math.abs(obj)))
            out.add(new Violation(Kind.STATUS, null, null,
                    "lowerBoundTicks " + s.lowerBoundTicks() + " exceeds the objective " + fmt(obj)));
        return new ValidationReport(out, obj, secs);
    }

    /** Checks one task; returns its completion, or null when the task's schedule is too broken to time. */
    private static Long checkTask(CompiledInstance ci, int t, TaskSchedule ts, List<Violation> out,
                                  List<List<Interval>> compute, List<List<Interval>> ingress) {
        String task = ts.task();
        int L = ci.layerCount(t);
        int[] node = new int[L];
        long[] start = new long[L];
        long[] proc = new long[L];
        Arrays.fill(node, -1);
        boolean broken = false;
        for (LayerStart ls : ts.layers()) {
            int l = ci.layerIndex(t, ls.layer());
            if (l < 0) {
                out.add(new Violation(Kind.UNKNOWN_LAYER, task, ls.layer(), "model \"" + ci.model(t).name() + "\" has no such layer"));
                broken = true;
                continue;
            }
            if (node[l] != -1 || proc[l] == -2) {
                out.add(new Violation(Kind.DUPLICATE_LAYER, task, ls.layer(), "layer listed more than once"));
                broken = true;
                continue;
            }
            int n = ci.nodeIndex(ls.node());
            if (n < 0) {
                out.add(new Violation(Kind.UNKNOWN_NODE, task, ls.layer(), "the instance has no node \"" + ls.node() + "\""));
                proc[l] = -2;
                broken = true;
                continue;
            }
            node[l] = n;
            start[l] = ls.start();
            proc[l] = ci.procAt(t, l, n, ls.start()); // durations follow the start under fluctuations (docs/model.md §8)
            if (proc[l] < 0) {
                out.add(new Violation(Kind.INELIGIBLE_NODE, task, ls.layer(), ci.eligible(t, n)
                        ? "a profile says this layer cannot run on " + ls.node()
                        : ls.node() + " is not eligible for this task"));
                broken = true;
            }
            if (ls.start() < 0)
                out.add(new Violation(Kind.NEGATIVE_START, task, ls.layer(), "start " + ls.start() + " < 0"));
            if (ls.start() > Ticks.MAX_TIME) { // start + duration must not wrap around a long
                out.add(new Violation(Kind.OUT_OF_RANGE, task, ls.layer(), "start " + ls.start() + " > " + Ticks.MAX_TIME + " ticks, the latest time any schedule may use"));
                broken = true;
            }
        }
        for (int l = 0; l < L; l++)
            if (node[l] == -1 && proc[l] != -2) {
                out.add(new Violation(Kind.MISSING_LAYER, task, ci.layerName(t, l), "the layer has no placement"));
                broken = true;
            }
        if (broken) return null;

        int origin = ci.origin(t);
        long release = ci.release(t);
        // The transfers this placement requires (docs/model.md §3), with their source nodes.
        Map<Key, Integer> required = new HashMap<>();
        for (int l = 0; l < L; l++) {
            if (ci.readsInput(t, l) && node[l] != origin) required.put(new Key(-1, node[l]), origin);
            for (int sc : ci.succs(t, l)) if (node[sc] != node[l]) required.put(new Key(l, node[sc]), node[l]);
            if (ci.isOutput(t, l) && node[l] != origin) required.put(new Key(l, origin), node[l]);
        }
        Map<Key, long[]> given = new HashMap<>(); // key → {start, end}
        Set<Key> seen = new HashSet<>();
        for (TransferStart tr : ts.transfers()) {
            String item = tr.tensor() + " " + tr.from() + "->" + tr.to();
            int tensor = tr.tensor().equals("input") ? -1 : ci.layerIndex(t, tr.tensor());
            if (tensor == -1 && !tr.tensor().equals("input")) {
                out.add(new Violation(Kind.UNKNOWN_TENSOR, task, item, "no tensor \"" + tr.tensor() + "\" in model \"" + ci.model(t).name() + "\""));
                continue;
            }
            int from = ci.nodeIndex(tr.from()), to = ci.nodeIndex(tr.to());
            if (from < 0 || to < 0) {
                out.add(new Violation(Kind.UNKNOWN_NODE, task, item, "the instance has no node \"" + (from < 0 ? tr.from() : tr.to()) + "\""));
                continue;
            }
            if (tr.start() < 0) out.add(new Violation(Kind.NEGATIVE_START, task, item, "start " + tr.start() + " < 0"));
            if (tr.start() > Ticks.MAX_TIME) {
                out.add(new Violation(Kind.OUT_OF_RANGE, task, item, "start " + tr.start() + " > " + Ticks.MAX_TIME + " ticks, the latest time any schedule may use"));
                return null;
            }
            Key key = new Key(tensor, to);
            Integer src = required.get(key);
            if (src == null) {
                out.add(new Violation(Kind.UNNEEDED_TRANSFER, task, item, "the placement requires no transfer of "
                        + tr.tensor() + " to " + tr.to()));
                continue;
            }
            if (!seen.add(key)) {
                out.add(new Violation(Kind.DUPLICATE_TRANSFER, task, item, "tensor " + tr.tensor() + " is sent to " + tr.to() + " more than once"));
                continue;
            }
            if (from != src) {
                out.add(new Violation(Kind.WRONG_SOURCE, task, item, "tensor " + tr.tensor() + " is on " + ci.nodeName(src)
                        + ", not on " + tr.from()));
                continue;
            }
            long dur = ci.transferAt(ci.tensorBytes(t, tensor), from, to, tr.start());
            given.put(key, new long[]{tr.start(), tr.start() + dur});
            long ready = tensor < 0 ? release : start[tensor] + proc[tensor];
            if (tr.start() < ready)
                out.add(new Violation(Kind.TRANSFER_TOO_EARLY, task, item, "starts at " + tr.start() + " before "
                        + (tensor < 0 ? "release " : "its producer ends at ") + ready));
            if (dur > 0) ingress.get(to).add(new Interval(tr.start(), tr.start() + dur, task + " " + item));
        }
        for (Key k : required.keySet())
            if (!seen.contains(k)) {
                String tensor = k.tensor() < 0 ? "input" : ci.layerName(t, k.tensor());
                out.add(new Violation(Kind.MISSING_TRANSFER, task, tensor + " " + ci.nodeName(required.get(k)) + "->" + ci.nodeName(k.to()),
                        "the placement needs tensor " + tensor + " on " + ci.nodeName(k.to())));
            }

        for (int l = 0; l < L; l++) {
            String item = ci.layerName(t, l);
            long s = start[l];
            if (ci.readsInput(t, l)) {
                if (node[l] == origin) {
                    if (s < release)
                        out.add(new Violation(Kind.BEFORE_RELEASE, task, item, "starts at " + s + " before release " + release));
                } else {
                    long[] tr = given.get(new Key(-1, node[l]));
                    if (tr != null && s < tr[1])
                        out.add(new Violation(Kind.PRECEDENCE, task, item, "starts at " + s + " before the input arrives at " + tr[1]));
                }
            }
            for (int p : ci.preds(t, l)) {
                if (node[p] == node[l]) {
                    long e = start[p] + proc[p];
                    if (s < e) out.add(new Violation(Kind.PRECEDENCE, task, item, "starts at " + s + " before predecessor "
                            + ci.layerName(t, p) + " ends at " + e));
                } else {
                    long[] tr = given.get(new Key(p, node[l]));
                    if (tr != null && s < tr[1])
                        out.add(new Violation(Kind.PRECEDENCE, task, item, "starts at " + s + " before tensor "
                                + ci.layerName(t, p) + " arrives at " + tr[1]));
                }
            }
            if (s < ci.availableAt(node[l]))
                out.add(new Violation(Kind.NODE_NOT_AVAILABLE, task, item, "starts at " + s + " on " + ci.nodeName(node[l])
                        + ", which is busy until " + ci.availableAt(node[l])));
            if (proc[l] > 0) compute.get(node[l]).add(new Interval(s, s + proc[l], task + " " + item));
            if (ci.granularity() == Granularity.SEGMENT && l > 0 && node[l - 1] == node[l] && s != start[l - 1] + proc[l - 1])
                out.add(new Violation(Kind.SEGMENT_SPLIT, task, item, "starts at " + s + " but the previous layer of its segment, "
                        + ci.layerName(t, l - 1) + ", ends at " + (start[l - 1] + proc[l - 1]) + " (granularity segment)"));
        }

        long c = Long.MIN_VALUE;
        for (int l = 0; l < L; l++) {
            if (!ci.isOutput(t, l)) continue;
            if (node[l] == origin) c = Math.max(c, start[l] + proc[l]);
            else {
                long[] tr = given.get(new Key(l, origin));
                if (tr == null) return null; // reported as missing; the completion is undefined
                c = Math.max(c, tr[1]);
            }
        }
        return c;
    }

    private static void overlaps(List<Interval> iv, Kind kind, String node, String what, List<Violation> out) {
        iv.sort(Comparator.comparingLong(Interval::start).thenComparingLong(Interval::end));
        Interval longest = null;
        for (Interval i : iv) {
            if (longest != null && i.start() < longest.end())
                out.add(new Violation(kind, null, node, what + " of " + i.label() + " [" + i.start() + "," + i.end()
                        + ") overlaps " + longest.label() + " [" + longest.start() + "," + longest.end() + ") on " + node));
            if (longest == null || i.end() > longest.end()) longest = i;
        }
    }

    private static double objective(CompiledInstance ci, long[] completion) {
        if (ci.objective() == Objective.MAKESPAN) {
            long m = Long.MIN_VALUE;
            for (long c : completion) m = Math.max(m, c);
            return m;
        }
        double sum = 0;
        for (int t = 0; t < completion.length; t++) sum += ci.weight(t) * (completion[t] - ci.release(t));
        return sum;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
