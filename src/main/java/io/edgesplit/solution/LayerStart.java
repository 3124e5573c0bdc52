package io.edgesplit.solution;

/** Where and when one layer runs (ticks). */
public record LayerStart(String layer, String node, long start) {}
