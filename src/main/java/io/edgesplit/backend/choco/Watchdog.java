package io.edgesplit.backend.choco;

import org.chocosolver.solver.Cause;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;

import java.util.function.BooleanSupplier;

/**
 * Not a constraint on schedules: Choco checks its stop criteria only between search decisions, not during
 * a propagation, and the first (root) propagation of a model with thousands of optional tasks takes
 * seconds. This propagator runs first (unary priority) whenever a start or the objective moves, and fails
 * once the solve is cancelled, which ends any propagation within one propagator call. It never removes a
 * value otherwise. {@link ChocoModel#disarmWatchdog} switches it off at the first decision.
 */
final class Watchdog extends Propagator<IntVar> {
private final Model model;
private final BooleanSupplier cancelled;
    volatile boolean armed = true;

    Watchdog(Model model, IntVar[] vars, BooleanSupplier cancelled) {
        super(vars, PropagatorPriority.UNARY, true);
        this.model = model;
        this.cancelled = cancelled;
    }

    @Override
    public int getPropagationConditions(int vIdx) { return IntEventType.boundAndInst(); }

    @Override
    public void propagate(int evtmask) throws ContradictionException { check(); }

    @Override
    public void propagate(int idxVarInProp, int mask) throws ContradictionException { check(); }

    /**
     * Fails without naming this propagator as the cause: dom/wdeg would otherwise raise the weight of
     * each of its thousands of variables, which took seconds on a 1750-layer model.
     */
    private void check() throws ContradictionException {
        if (armed && cancelled.getAsBoolean()) model.getSolver().throwsException(Cause.Null, null, "time limit");
    }

    @Override
    public ESat isEntailed() { return ESat.TRUE; }
}
