package io.edgesplit.dynamic;

import io.edgesplit.model.Fluctuation;

import java.util.List;

/**
 * One sampled world of a scenario: who arrives when with which DNN, and how speeds and bandwidths fluctuate.
 * Policies see it only as it unfolds (docs/dynamic.md §3); the validator sees all of it, as the realised
 * instance.
 *
 * @param requests     in release order (ties: sampling order)
 * @param fluctuations per node with any step, in topology node order
 */
public record Realisation(List<Request> requests, List<Fluctuation> fluctuations) {
    public Realisation {
        requests = List.copyOf(requests);
        fluctuations = List.copyOf(fluctuations);
    }

    /**
     * One request.
     *
     * @param name     task name in the realised instance ({@code r00001}, …)
     * @param deadline absolute seconds, or NaN
     */
    public record Request(String name, String model, String origin, double release, double deadline) {}
}
