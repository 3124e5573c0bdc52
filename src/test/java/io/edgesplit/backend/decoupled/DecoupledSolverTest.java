package io.edgesplit.backend.decoupled;

import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;

class DecoupledSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new DecoupledSolver(); }
}
