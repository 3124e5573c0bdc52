package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.search.limits.FailCounter;
import org.chocosolver.solver.search.loop.lns.INeighborFactory;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.values.IntDomainMin;
import org.chocosolver.solver.search.strategy.selectors.values.IntValueSelector;
import org.chocosolver.solver.search.strategy.selectors.variables.ConflictHistorySearch;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.search.strategy.selectors.variables.Smallest;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.IntVar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a Choco run searches its model: the branching (placements always before times, docs/choco.md
 * pitfall 2), the incumbent's placement as a hint, and either Luby restarts (complete search) or
 * propagation-guided LNS around the incumbent.
 */
final class SearchStrategies {
    private SearchStrategies() {}

    /**
     * @param branching   {@code placement-first} or {@code dwd}
     * @param placementOrder {@code domwdeg} or {@code chs} (placement-first only)
     * @param lns         LNS around {@code incumbent} instead of a complete search
     */
    static void configure(ChocoModel cm, Schedule incumbent, String branching, String placementOrder, long seed,
                          boolean lns, boolean restarts, boolean timeHints) {
        CompiledInstance ci = cm.ci;
        org.chocosolver.solver.Solver solver = cm.model.getSolver();
        IntVar[] placement = cm.placementVars();
        IntVar[] times = cm.timeVars();
        List<AbstractStrategy<IntVar>> parts = new ArrayList<>();
        if (branching.equals("placement-first")) {
            if (placement.length > 0) {
                IntValueSelector value = shortestPath(cm);
                parts.add(Search.intVarSearch(placementOrder.equals("chs")
                        ? new ConflictHistorySearch<>(placement, seed) : new DomOverWDeg<>(placement, seed), value, placement));
            }
            parts.add(Search.intVarSearch(new Smallest(), new IntDomainMin(), times));
            parts.add(Search.inputOrderLBSearch(cm.objective));
        } else {
            // Choco's own dom/wdeg (value = lower bound) on placements, then on times. Placements still come
            // first: Choco 5.0.0's cumulative does not re-check its profile when a "performed" boolean is
            // fixed after the starts (docs/choco.md), so performed must be decided before any start.
            if (placement.length > 0) parts.add(Search.domOverWDegSearch(placement));
            parts.add(Search.domOverWDegSearch(concat(times, cm.objective)));
        }
        if (cm.auxiliaryVars().length > 0) parts.add(Search.inputOrderLBSearch(cm.auxiliaryVars()));
        solver.setSearch(lastConflictSequence(parts));

        // The incumbent's placement as a hint for the first descent (it is excluded by the objective cut,
        // but its placement with better-packed starts often is not).
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++)
                if (!cm.X[t][l].isInstantiated()) solver.addHint(cm.X[t][l], incumbent.node(t, l));
        if (timeHints) {
            // In a sub-model most tasks keep their placement: their incumbent start times are the hint too,
            // so that the first descent rebuilds the incumbent around the freed tasks instead of list-
            // scheduling every task anew by smallest start.
            for (int t = 0; t < ci.taskCount(); t++) {
                for (int l = 0; l < ci.layerCount(t); l++)
                    if (!cm.S[t][l].isInstantiated()) solver.addHint(cm.S[t][l], (int) incumbent.start(t, l));
                for (io.edgesplit.solution.Transfer tr : incumbent.transfers(t))
                    for (ChocoModel.TransferVar tv : cm.transfers.get(t))
                        if (tv.tensor() == tr.tensor() && tv.to() == tr.to() && !tv.start().isInstantiated())
                            solver.addHint(tv.start(), (int) tr.start());
            }
        }

        if (lns) {
            IntVar[] decision = concat(placement, times);
            Solution boot = new Solution(cm.model, decision);
            // Load the incumbent's values so the first neighbourhood is around it.
            if (loadIncumbent(cm, incumbent, boot))
                solver.setLNS(INeighborFactory.propagationGuided(seed, decision), new FailCounter(cm.model, 200), boot);
            else solver.setLNS(INeighborFactory.propagationGuided(seed, decision), new FailCounter(cm.model, 200));
        } else if (restarts) {
            solver.setLubyRestart(100, new FailCounter(cm.model, 0), Integer.MAX_VALUE);
        }
    }

    /**
     * Value order for placements: the node with the shortest path of the task alone through it (head + proc
     * + tail), which counts the transfers the fastest node alone would ignore; the fastest node without path
     * bounds.
     */
    private static IntValueSelector shortestPath(ChocoModel cm) {
        CompiledInstance ci = cm.ci;
        Map<IntVar, int[]> layerOf = new HashMap<>();
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) layerOf.put(cm.X[t][l], new int[]{t, l});
        return var -> {
            int[] tl = layerOf.get(var);
            int bestNode = var.getLB();
            long bestProc = Long.MAX_VALUE;
            for (int n = var.getLB(); n <= var.getUB(); n = var.nextValue(n)) {
                long p = cm.pathLength != null ? cm.pathLength[tl[0]][tl[1]][n] : ci.proc(tl[0], tl[1], n);
                if (p < bestProc) {
                    bestProc = p;
                    bestNode = n;
                }
            }
            return bestNode;
        };
    }

    private static boolean loadIncumbent(ChocoModel cm, Schedule inc, Solution boot) {
        CompiledInstance ci = cm.ci;
        try {
            for (int t = 0; t < ci.taskCount(); t++) {
                for (int l = 0; l < ci.layerCount(t); l++) {
                    if (!cm.X[t][l].isInstantiated()) boot.setIntVal(cm.X[t][l], inc.node(t, l));
                    boot.setIntVal(cm.S[t][l], (int) inc.start(t, l));
                }
                Map<Long, Long> started = new HashMap<>();
                for (io.edgesplit.solution.Transfer tr : inc.transfers(t))
                    started.put(((long) tr.tensor() + 1) * ci.nodeCount() + tr.to(), tr.start());
                for (ChocoModel.TransferVar tv : cm.transfers.get(t)) {
                    Long s = started.get(((long) tv.tensor() + 1) * ci.nodeCount() + tv.to());
                    long ready = tv.tensor() < 0 ? ci.release(t) : inc.end(ci, t, tv.tensor());
                    boot.setIntVal(tv.start(), (int) (s != null ? s : ready));
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static IntVar[] concat(IntVar[] a, IntVar... b) {
        IntVar[] out = new IntVar[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The parts one after another, with last-conflict reasoning on top. Java cannot create a generic array, and
     * Choco's sequencer is declared on raw strategies: the suppression is confined to this one call.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AbstractStrategy<IntVar> lastConflictSequence(List<AbstractStrategy<IntVar>> parts) {
        AbstractStrategy[] arr = parts.toArray(new AbstractStrategy[0]);
        return Search.lastConflict(Search.sequencer(arr));
    }
}
