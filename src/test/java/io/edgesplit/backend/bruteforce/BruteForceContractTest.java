package io.edgesplit.backend.bruteforce;

import io.edgesplit.model.Instance;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;

class BruteForceContractTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new BruteForceSolver(); }

    @Override
    protected Instance largerInstance() { return TinyInstances.random(99, 2, 5, 3); }
}
