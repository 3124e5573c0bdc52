package io.edgesplit.dynamic;

/**
 * One request's fate in a simulation, in seconds of simulated time.
 *
 * @param request    the request's task name in the realised instance
 * @param model      its DNN
 * @param origin     its device
 * @param release    arrival time
 * @param completion when its result was back on the device (docs/model.md §4.7)
 * @param deadline   absolute deadline, or NaN when the scenario gives none
 */
public record RequestOutcome(String request, String model, String origin, double release, double completion, double deadline) {
    public double latency() { return completion - release; }

    public boolean missed() { return !Double.isNaN(deadline) && completion > deadline + 1e-12; }
}
