package io.edgesplit.backend.medagils;

import io.edgesplit.backend.medag.MedagParams;
import io.edgesplit.backend.medag.MedagSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Backend {@code medag-ils}: beyond the seed paper. It runs {@code medag} (same parameters, same defaults)
 * and spends the rest of the time limit on an iterated local search around its answer: perturb the plan
 * (re-plan a few tasks, critical ones first, onto other DAG paths or single nodes) or the order in which
 * a list scheduler places the tasks, re-optimise with medag's collaborative remapping, keep the best.
 * Never worse than medag's answer (the best only ever improves); deterministic under a seed unless the
 * time limit cuts the search (it stops by itself after {@code stallIterations} perturbations without a new
 * best). docs/medag.md section 6.
 */
public final class MedagIlsSolver implements Solver {
    static final IlsParams DEFAULTS = new IlsParams(0.3, 3, 0.02, 300, 0, 12);

    @Override
    public String name() { return "medag-ils"; }

    @Override
    public String description() {
        return "iterated local search around medag's answer: perturb plans and task order, re-optimise by collaborative remapping";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> out = new ArrayList<>(MedagParams.specs(MedagSolver.DEFAULTS));
        out.addAll(IlsParams.specs(DEFAULTS));
        return out;
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        MedagParams mp = MedagParams.read(options.params(), MedagSolver.DEFAULTS);
        IlsParams ip = IlsParams.read(options.params(), DEFAULTS);
        IteratedLocalSearch ils = new IteratedLocalSearch(ci, mp, ip, options.seed(), System.nanoTime(), options.timeLimitSeconds());
        ils.run(options.warmStart());
        return new SolveResult(Status.FEASIBLE, ils.best().schedule(), null, ils.trace(), ils.note());
    }
}
