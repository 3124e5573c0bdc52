package io.edgesplit.model;

/** The best objective known for an instance, in seconds, and where it comes from (docs/formats.md §1). */
public record BestKnown(double objective, String source) {}
