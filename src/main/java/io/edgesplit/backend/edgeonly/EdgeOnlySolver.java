package io.edgesplit.backend.edgeonly;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.NodeKind;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.schedule.Timeline;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.UnsupportedInstanceException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Baseline {@code edge-only} (docs/baselines.md): every task offloads its whole model to one edge or cloud node (no
 * partitioning). Tasks are taken first come, first served (release order, ties by file order); each goes to
 * the eligible non-device node on which it would finish earliest given the load already placed there
 * (compute queue, ingress queue, availableAt) and its input and return transfers.
 *
 * <p>A candidate must be able to run <em>every</em> layer of the task (eligible, no null profile entry).
 * Fallback when no edge or cloud node can: the task stays whole on its origin if the origin can run all of
 * it (the only other single-node plan; counted in the plan's {@code fallbacks}); otherwise no single node can host the
 * model, the baseline is undefined for the task, and the instance is refused with the reason.
 *
 * <p>The finish of a candidate is predicted with the same rules the {@link ScheduleBuilder} applies when it
 * places whole tasks in this order ({@link PriorityRule#taskOrder}), on the same {@link Timeline}s: the input
 * transfer into the node's ingress, the layers (one block under granularity segment, one by one otherwise)
 * at their earliest fit, then each output's return transfer into the origin's ingress. The final schedule is
 * the builder's, so the prediction is the completion the task really gets (the test checks this).
 */
public final class EdgeOnlySolver implements Solver {
    @Override
    public String name() { return "edge-only"; }

    @Override
    public String description() {
        return "whole model of each task on one edge/cloud node, greedy earliest finish in release order";
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        Plan plan = plan(ci);
        Schedule s = ScheduleBuilder.build(ci, plan.placement(), PriorityRule.taskOrder(plan.rank()));
        String note = plan.fallbacks() == 0 ? null
                : plan.fallbacks() + " task(s) kept on their origin: no edge or cloud node can run their whole model";
        return new SolveResult(Status.FEASIBLE, s, null, List.of(), note);
    }

    /**
     * The greedy's decisions.
     *
     * @param placement per task, per layer, the node (all layers of a task on one node)
     * @param rank      position of each task in release order (0 first)
     * @param predicted per task, the completion the greedy predicted for its chosen node
     * @param fallbacks tasks kept on their origin because no edge or cloud node could run them whole
     */
    record Plan(int[][] placement, int[] rank, long[] predicted, int fallbacks) {}

    static Plan plan(CompiledInstance ci) {
        int T = ci.taskCount(), N = ci.nodeCount();
        int[] order = ci.tasksByRelease(), rank = ci.releaseRank();

        Timeline[] compute = new Timeline[N], ingress = new Timeline[N];
        for (int n = 0; n < N; n++) {
            compute[n] = new Timeline();
            ingress[n] = new Timeline();
        }
        int[][] placement = new int[T][];
        long[] predicted = new long[T];
        int fallbacks = 0;
        for (int t : order) {
            List<Integer> candidates = new ArrayList<>();
            for (int n = 0; n < N; n++) if (ci.nodeKind(n) != NodeKind.DEVICE && runsWhole(ci, t, n)) candidates.add(n);
            if (candidates.isEmpty()) {
                if (!runsWhole(ci, t, ci.origin(t)))
                    throw new UnsupportedInstanceException("task " + ci.taskName(t) + ": no single node can run its whole model "
                            + ci.model(t).name() + " (eligibility or null profile entries); edge-only is undefined for it");
                candidates.add(ci.origin(t));
                fallbacks++;
            }
            int best = -1;
            long bestFinish = Long.MAX_VALUE;
            for (int n : candidates) {
                long f = new Placement(ci, compute, ingress, t, n, false).completion;
                if (f < bestFinish) { // ties: the lower node index (candidates ascend)
                    bestFinish = f;
                    best = n;
                }
            }
            new Placement(ci, compute, ingress, t, best, true);
            placement[t] = new int[ci.layerCount(t)];
            Arrays.fill(placement[t], best);
            predicted[t] = bestFinish;
        }
        return new Plan(placement, rank, predicted, fallbacks);
    }

    private static boolean runsWhole(CompiledInstance ci, int t, int n) {
        for (int l = 0; l < ci.layerCount(t); l++) if (!ci.canRun(t, l, n)) return false;
        return true;
    }

    /**
     * Task t whole on node n after everything already reserved, by the builder's rules. With
     * {@code commit} it reserves; without, it only looks, keeping its own tentative reservations aside
     * (a {@link Timeline} cannot be copied or released).
     */
    private static final class Placement {
        final CompiledInstance ci;
        final boolean commit;
        final List<long[]> tentativeCompute = new ArrayList<>(), tentativeReturn = new ArrayList<>();
        long completion = Long.MIN_VALUE;

        Placement(CompiledInstance ci, Timeline[] compute, Timeline[] ingress, int t, int n, boolean commit) {
            this.ci = ci;
            this.commit = commit;
            int origin = ci.origin(t), L = ci.layerCount(t);
            boolean queues = ci.contention() == Contention.INGRESS;
            long inputArrives = ci.release(t);
            if (n != origin) {
                long dur = ci.transfer(ci.inputBytes(t), origin, n);
                long s = queues ? fit(ingress[n], null, ci.release(t), dur) : ci.release(t);
                inputArrives = s + dur;
            }
            long[] end = new long[L];
            if (ci.granularity() == Granularity.SEGMENT) {
                // One block: it starts when every input-reading layer has the input at its offset.
                long ready = ci.availableAt(n), offset = 0;
                for (int l = 0; l < L; l++) {
                    if (ci.readsInput(t, l)) ready = Math.max(ready, inputArrives - offset);
                    offset += ci.proc(t, l, n);
                }
                long at = fit(compute[n], tentativeCompute, ready, offset);
                for (int l = 0; l < L; l++) {
                    at += ci.proc(t, l, n);
                    end[l] = at;
                }
                for (int l = 0; l < L; l++) finish(ingress, t, l, n, end[l], queues);
            } else {
                for (int l = 0; l < L; l++) {
                    long lb = ci.readsInput(t, l) ? inputArrives : 0;
                    for (int p : ci.preds(t, l)) lb = Math.max(lb, end[p]);
                    long p = ci.proc(t, l, n);
                    end[l] = fit(compute[n], tentativeCompute, Math.max(ci.availableAt(n), lb), p) + p;
                    finish(ingress, t, l, n, end[l], queues);
                }
            }
        }

        /** An output layer ended: it completes there (on the origin) or after its return transfer. */
        private void finish(Timeline[] ingress, int t, int l, int n, long end, boolean queues) {
            if (!ci.isOutput(t, l)) return;
            int origin = ci.origin(t);
            if (n == origin) {
                completion = Math.max(completion, end);
                return;
            }
            long dur = ci.transfer(ci.outputBytes(t, l), n, origin);
            long s = queues ? fit(ingress[origin], tentativeReturn, end, dur) : end;
            completion = Math.max(completion, s + dur);
        }

        /** Earliest fit on the timeline and (when only looking) clear of this placement's own earlier work. */
        private long fit(Timeline tl, List<long[]> tentative, long ready, long dur) {
            long s = ready;
            while (true) {
                s = tl.earliestFit(s, dur);
                long moved = s;
                if (!commit && tentative != null && dur > 0)
                    for (long[] iv : tentative) if (moved < iv[1] && iv[0] < moved + dur) moved = iv[1];
                if (moved == s) break;
                s = moved;
            }
            if (commit) tl.reserve(s, dur);
            else if (tentative != null && dur > 0) tentative.add(new long[]{s, s + dur});
            return s;
        }
    }
}
