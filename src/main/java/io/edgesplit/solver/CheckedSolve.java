package io.edgesplit.solver;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;

import java.util.List;

/**
 * Runs a backend and puts its answer through the validator before anyone sees it. Parameters are checked
 * against the backend's declared ones first; a backend's exception becomes an {@code ERROR} answer.
 */
public final class CheckedSolve {
    private CheckedSolve() {}

    public static Outcome run(Solver solver, CompiledInstance ci, SolveOptions options) {
        options.params().checkAgainst(solver.name(), solver.parameters());
        long t0 = System.nanoTime();
        if (ci.fluctuating() && !solver.handlesFluctuations())
            return error(ci, solver, t0, "unsupported: " + solver.name() + " plans with constant speeds, and this instance's"
                    + " speeds or bandwidths change over time (fluctuations, docs/model.md §8); solve it with a backend that"
                    + " handles them (cpsat), or drop the fluctuations");
        SolveResult r;
        try {
            r = DeadlineRun.solve(solver, ci, options, t0);
        } catch (UnsupportedInstanceException e) {
            return error(ci, solver, t0, "unsupported: " + e.getMessage());
        } catch (DeadlineRun.NoAnswer e) {
            return error(ci, solver, t0, e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return error(ci, solver, t0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Solution s;
        if (r.status().hasSchedule()) {
            try {
                // The backend's note (workers, how a warm start was used, ...) travels with the answer.
                s = r.schedule().toSolution(ci, solver.name(), r.status(), r.lowerBoundTicks(), wall).withMessage(r.message());
            } catch (RuntimeException e) {
                return error(ci, solver, t0, "the backend returned a malformed schedule: " + e);
            }
        } else {
            s = Solution.withoutSchedule(ci.name(), solver.name(), r.status(), r.lowerBoundTicks(), wall,
                    r.status() == Status.ERROR ? (r.message() == null ? "backend error" : r.message()) : r.message());
        }
        ValidationReport report = Validator.validate(ci, s);
        return new Outcome(s, report, r.trace());
    }

    private static Outcome error(CompiledInstance ci, Solver solver, long t0, String message) {
        double wall = (System.nanoTime() - t0) / 1e9;
        Solution s = Solution.withoutSchedule(ci.name(), solver.name(), Status.ERROR, null, wall, message);
        return new Outcome(s, new ValidationReport(List.of(), null, null), List.of());
    }
}
