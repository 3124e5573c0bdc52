package io.edgesplit.solver;

/** A backend's clear refusal of an instance it cannot handle (e.g. too large for brute force). */
public final class UnsupportedInstanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public UnsupportedInstanceException(String message) { super(message); }
}
