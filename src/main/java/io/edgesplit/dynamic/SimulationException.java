package io.edgesplit.dynamic;

/** A simulation that cannot go on: a policy found no plan, or an invalid one, at some decision. */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) { super(message); }

    public SimulationException(String message, Throwable cause) { super(message, cause); }
}
