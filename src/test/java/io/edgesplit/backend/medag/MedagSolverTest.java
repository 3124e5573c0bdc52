package io.edgesplit.backend.medag;

import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;

class MedagSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new MedagSolver(); }
}
