package io.edgesplit.dynamic;

import io.edgesplit.model.Instance;
import io.edgesplit.solution.Solution;
import io.edgesplit.validate.ValidationReport;

import java.util.List;

/**
 * The outcome of one simulation: the realised instance (arrivals as releases, fluctuations as they happened),
 * the executed trace as a solution of it and the validator's verdict on that trace, per-request outcomes and
 * decision costs.
 *
 * @param scenario   scenario name
 * @param policy     policy name
 * @param seed       the seed of the realisation (arrivals, models, origins, fluctuations)
 * @param realised   the realised instance (docs/model.md §8)
 * @param trace      the executed schedule of the realised instance, as a solution (status FEASIBLE)
 * @param validation the validator's report on {@code trace}; a simulation is only counted when it is valid
 * @param requests   per request, in release order
 * @param decisions  decision statistics
 * @param wallSeconds wall time of the whole simulation
 */
public record SimulationResult(String scenario, String policy, long seed, Instance realised, Solution trace,
                               ValidationReport validation, List<RequestOutcome> requests, DecisionStats decisions,
                               double wallSeconds) {
    public SimulationResult {
        requests = List.copyOf(requests);
    }

    public boolean valid() { return validation.valid(); }

    /** Latency statistics of the requests. */
    public LatencyStats latency() { return LatencyStats.of(requests); }
}
