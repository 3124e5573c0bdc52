package io.edgesplit.backend.local;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;

class LocalSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new LocalSolver(); }

    @Override
    protected boolean mayRefuse(CompiledInstance ci) {
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) if (!ci.canRun(t, l, ci.origin(t))) return true;
        return false;
    }
}
