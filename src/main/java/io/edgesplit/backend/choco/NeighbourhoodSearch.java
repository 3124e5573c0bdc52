package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A large-neighbourhood search over Choco sub-models, for instances whose whole model is too large to
 * build and search in the time limit (medium and large; docs/choco.md). Each step builds the model with
 * most tasks' placements fixed to the best schedule's and a few tasks ("freed") free on the nodes they use,
 * their origin and two more; tasks that lie entirely before or after the freed tasks' span (earliest
 * release to latest completion) keep their start times too. The step admits only schedules strictly better
 * than the best one, so every solution it finds is an improvement of the whole problem (and goes through
 * the same {@link SolveRun#offer} as every other). A step that explores its neighbourhood completely doubles
 * the number of freed tasks; a step stopped by its time slice without improving halves it. For the
 * makespan, a worst-first step frees every task that ends at the makespan. Once every task
 * would be freed, the step is the whole model, whose complete search can prove optimality.
 */
final class NeighbourhoodSearch {
    private NeighbourhoodSearch() {}

    static void run(SolveRun run, SolveOptions options, String branching, long until) {
        CompiledInstance ci = run.ci;
        int T = ci.taskCount();
        Random rng = new Random(options.seed());
        long limit = until - run.t0;
        long base = Math.max(500_000_000L, Math.min(3_000_000_000L, limit / 20)), slice = base;
        int k = Math.min(T, 2);
        int steps = 0, improved = 0;
        boolean worstFirst = true;
        String timesMode = options.params().getString("neighbourhoodTimes", "span");
        while (!run.cancelled) {
            long now = System.nanoTime();
            if (until - now < 200_000_000L) break;
            Schedule best = run.best();
            if (k >= T) {
                // The whole model, with the best schedule as its cut: only this step can prove optimality.
                Phase p = ChocoJob.run(run, options, best, false, branching, options.seed(), until, new AtomicBoolean(), null,
                        options.params().getBoolean("lcg", true));
                run.phaseEnded(p);
                steps++;
                if (p.proven || run.cancelled) return;
                k = Math.max(1, T / 2);
                continue;
            }
            List<Integer> freed = choose(ci, best, k, worstFirst, rng);
            worstFirst = !worstFirst;
            boolean fixAll = switch (timesMode) {
                case "freed" -> true;
                case "span" -> false;
                default -> steps % 2 == 0;
            };
            ChocoModel.Restriction r = restriction(ci, best, freed, rng, fixAll);
            long end = Math.min(until, now + slice);
            Phase p = ChocoJob.run(run, options, best, false, branching, options.seed() + steps, end, new AtomicBoolean(), r, false);
            steps++;
            if (p.improved) improved++;
            if (options.log())
                System.err.printf(Locale.ROOT, "choco neighbourhood step %d: %d of %d tasks free (%s), %.2f s slice, setup %.2f s: %s%s, best %.0f%n",
                        steps, k, T, fixAll ? "other times fixed" : "times free in their span", slice / 1e9, p.setupNanos / 1e9, p.improved ? "improved" : "no better", p.proven ? ", exhausted" : "",
                        run.best().objectiveTicks(ci));
            if (p.proven) k = Math.min(T, 2 * k);
            else if (!p.improved) k = Math.max(1, k / 2);
            // a slice pays for building and propagating the sub-model three times over: it doubles when the
            // sub-model could not be built in it, grows after a slow setup (up to a quarter of the limit)
            // and shrinks back after fast ones
            slice = p.notBuilt ? Math.min(limit / 4, 2 * slice) : Math.max(base, Math.min(limit / 4, 3 * p.setupNanos));
        }
        run.note(String.format(Locale.ROOT, "neighbourhood search around the best schedule: %d steps, %d improving", steps, improved));
    }

    /**
     * k tasks: the worst one (latest completion for the makespan, largest weighted latency for total latency)
     * or a random one, then tasks that share a node with those chosen (in random order), then any.
     */
    static List<Integer> choose(CompiledInstance ci, Schedule best, int k, boolean worstFirst, Random rng) {
        int T = ci.taskCount();
        int first;
        if (worstFirst) {
            first = 0;
            double worst = -1;
            for (int t = 0; t < T; t++) {
                double v = ci.objective() == Objective.MAKESPAN ? best.completion(ci, t)
                        : ci.weight(t) * (best.completion(ci, t) - ci.release(t));
                if (v > worst) {
                    worst = v;
                    first = t;
                }
            }
        } else first = rng.nextInt(T);
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.add(first);
        if (worstFirst && ci.objective() == Objective.MAKESPAN) {
            // the makespan drops only if every task that ends at it ends earlier: free all of them
            long makespan = best.completion(ci, first);
            for (int t = 0; t < T; t++) if (best.completion(ci, t) == makespan) chosen.add(t);
        }
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < T; t++) order.add(t);
        Collections.shuffle(order, rng);
        while (chosen.size() < k) {
            boolean[] nodes = new boolean[ci.nodeCount()];
            for (int t : chosen) for (int l = 0; l < ci.layerCount(t); l++) nodes[best.node(t, l)] = true;
            int next = -1;
            for (int t : order) {
                if (chosen.contains(t)) continue;
                for (int l = 0; l < ci.layerCount(t) && next < 0; l++) if (nodes[best.node(t, l)]) next = t;
                if (next >= 0) break;
            }
            if (next < 0) for (int t : order) if (!chosen.contains(t)) { next = t; break; }
            chosen.add(next);
        }
        return new ArrayList<>(chosen);
    }

    /** The sub-model: freed tasks on the nodes they use, their origin and two random nodes; the rest fixed. */
    static ChocoModel.Restriction restriction(CompiledInstance ci, Schedule best, List<Integer> freed, Random rng, boolean fixAll) {
        int T = ci.taskCount(), N = ci.nodeCount();
        int[][][] nodes = new int[T][][];
        boolean[] fixed = new boolean[T];
        boolean[] isFree = new boolean[T];
        long spanStart = Long.MAX_VALUE, spanEnd = Long.MIN_VALUE;
        for (int t : freed) {
            isFree[t] = true;
            spanStart = Math.min(spanStart, ci.release(t));
            spanEnd = Math.max(spanEnd, best.completion(ci, t));
        }
        for (int t = 0; t < T; t++) {
            int L = ci.layerCount(t);
            nodes[t] = new int[L][];
            if (!isFree[t]) {
                long first = Long.MAX_VALUE;
                for (int l = 0; l < L; l++) {
                    nodes[t][l] = new int[]{best.node(t, l)};
                    first = Math.min(first, best.start(t, l));
                }
                fixed[t] = fixAll || best.completion(ci, t) <= spanStart || first >= spanEnd;
                continue;
            }
            boolean[] allowed = new boolean[N];
            allowed[ci.origin(t)] = true;
            for (int l = 0; l < L; l++) allowed[best.node(t, l)] = true;
            for (int extra = 0; extra < 2; extra++) allowed[rng.nextInt(N)] = true;
            for (int l = 0; l < L; l++) {
                List<Integer> ok = new ArrayList<>();
                for (int n : ci.nodesFor(t, l)) if (allowed[n]) ok.add(n);
                nodes[t][l] = ok.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new ChocoModel.Restriction(nodes, fixed);
    }
}
