package io.edgesplit.backend.medagils;

import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.Params;

import java.util.List;

/**
 * The iterated local search's own parameters (medag's are read by {@code MedagParams}).
 *
 * @param startShare      the share of the time limit medag's own search may use before perturbing starts
 * @param perturbTasks    at most this many tasks are re-planned by one perturbation
 * @param acceptWorse     a local optimum up to this fraction worse than the current one is accepted as the
 *                        next current one (threshold acceptance: lets the search cross plateaus)
 * @param restartAfter    after this many perturbations without a new best, go back to the best
 * @param stallIterations stop after this many perturbations without a new best (0 = automatic: 200 per task,
 *                        at least 400, so a tiny instance stops in milliseconds and a large one runs to the limit)
 * @param localTasks      a local search after a perturbation remaps at most this many tasks per pass (most
 *                        delayed first), so that one iteration stays cheap on instances with many tasks
 */
record IlsParams(double startShare, int perturbTasks, double acceptWorse, int restartAfter, int stallIterations, int localTasks) {
    IlsParams {
        if (!(startShare > 0 && startShare <= 1)) throw new IllegalArgumentException("params.startShare: must be in (0, 1], got " + startShare);
        if (perturbTasks < 1) throw new IllegalArgumentException("params.perturbTasks: must be >= 1, got " + perturbTasks);
        if (!(acceptWorse >= 0)) throw new IllegalArgumentException("params.acceptWorse: must be >= 0, got " + acceptWorse);
        if (restartAfter < 1) throw new IllegalArgumentException("params.restartAfter: must be >= 1, got " + restartAfter);
        if (stallIterations < 0) throw new IllegalArgumentException("params.stallIterations: must be >= 0, got " + stallIterations);
        if (localTasks < 1) throw new IllegalArgumentException("params.localTasks: must be >= 1, got " + localTasks);
    }

    static List<ParamSpec> specs(IlsParams d) {
        return List.of(
                ParamSpec.ofDouble("startShare", d.startShare(), "share of the time limit medag's own search may use first"),
                ParamSpec.ofInt("perturbTasks", d.perturbTasks(), "at most this many tasks re-planned per perturbation"),
                ParamSpec.ofDouble("acceptWorse", d.acceptWorse(), "accept a local optimum up to this fraction worse than the current one"),
                ParamSpec.ofInt("restartAfter", d.restartAfter(), "go back to the best after this many perturbations without a new best"),
                ParamSpec.ofInt("stallIterations", d.stallIterations(), "stop after this many perturbations without a new best (0 = 200 per task, at least 400)"),
                ParamSpec.ofInt("localTasks", d.localTasks(), "tasks remapped per pass of the local search after a perturbation"));
    }

    /** The stall limit for an instance of {@code tasks} tasks. */
    int stallLimit(int tasks) { return stallIterations > 0 ? stallIterations : Math.max(400, 200 * tasks); }

    static IlsParams read(Params p, IlsParams d) {
        return new IlsParams(p.getDouble("startShare", d.startShare()), p.getInt("perturbTasks", d.perturbTasks()),
                p.getDouble("acceptWorse", d.acceptWorse()), p.getInt("restartAfter", d.restartAfter()),
                p.getInt("stallIterations", d.stallIterations()), p.getInt("localTasks", d.localTasks()));
    }
}
