package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.Variable;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Root propagation without lazy clause generation, whose bounds then tighten the domains of the model
 * searched with LCG. Under LCG every bound change at the root creates a literal, and on a total-latency
 * model with a tight incumbent the root fixpoint is reached by thousands of small steps (slow convergence):
 * on campus-heavy-small-s129 the LCG model did not reach its first decision in 60 s, where the same model
 * without LCG propagates in a fraction of a second. Sound: both models have the same constraints, so every
 * schedule of the LCG model lies within the root bounds of the other. If that root propagation fails, no
 * schedule beats the incumbent.
 */
final class RootBounds {
    private static final int[] AMBIGUOUS = new int[0];
    private final Map<String, int[]> bounds;
    /** The objective's lower bound after root propagation (model units). */
    final long objectiveLB;

    private RootBounds(Map<String, int[]> bounds, long objectiveLB) {
        this.bounds = bounds;
        this.objectiveLB = objectiveLB;
    }

    boolean infeasible() { return bounds == null; }

    /** @throws ChocoModel.TooLarge when building runs past {@code buildBy} or the solve is cancelled */
    static RootBounds propagate(CompiledInstance ci, Schedule incumbent, boolean redundant, boolean pathBounds, long buildBy,
                                BooleanSupplier cancelled, ChocoModel.Restriction restriction) {
        ChocoModel pre = new ChocoModel(ci, incumbent, true, false, redundant, pathBounds, buildBy, cancelled, restriction);
        try {
            pre.model.getSolver().propagate();
        } catch (ContradictionException e) {
            // the watchdog fails this way too when the solve is cancelled: that is no proof
            if (cancelled.getAsBoolean()) throw new ChocoModel.TooLarge("the time limit ended during root propagation");
            return new RootBounds(null, Long.MAX_VALUE);
        }
        Map<String, int[]> out = new HashMap<>();
        for (Variable v : pre.model.getVars())
            if (v instanceof IntVar iv && named(iv.getName()))
                // a name seen twice is ambiguous: no bound for it (never the wrong variable's)
                out.put(iv.getName(), out.containsKey(iv.getName()) ? AMBIGUOUS : new int[]{iv.getLB(), iv.getUB()});
        return new RootBounds(out, pre.objective.getLB());
    }

    /** The variables the model names itself (starts, ends, transfer starts and arrivals, completions, objective). */
    private static boolean named(String n) {
        return n.startsWith("S_") || n.startsWith("E_") || n.startsWith("TS_") || n.startsWith("A_") || n.startsWith("C_")
                || n.equals("makespan") || n.equals("totalLatency");
    }

    /** Posts the bounds on the same-named variables of {@code cm} (built from the same arguments). */
    void postOn(ChocoModel cm) {
        Map<String, Integer> seen = new HashMap<>();
        for (Variable v : cm.model.getVars()) seen.merge(v.getName(), 1, Integer::sum);
        for (Variable v : cm.model.getVars()) {
            if (!(v instanceof IntVar iv) || seen.get(v.getName()) != 1) continue;
            int[] b = bounds.get(v.getName());
            if (b == null || b == AMBIGUOUS) continue;
            if (b[0] > iv.getLB()) cm.model.arithm(iv, ">=", b[0]).post();
            if (b[1] < iv.getUB()) cm.model.arithm(iv, "<=", b[1]).post();
        }
    }
}
