package io.edgesplit.model;

/** The best objective known for an instance, in seconds, and where it comes from (SPEC 2.1). */
public record BestKnown(double objective, String source) {}
