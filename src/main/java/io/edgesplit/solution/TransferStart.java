package io.edgesplit.solution;

/** When one tensor moves between nodes (ticks). {@code tensor} is {@code input} or the producing layer's name. */
public record TransferStart(String tensor, String from, String to, long start) {}
