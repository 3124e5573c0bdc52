package io.edgesplit.solution;

import java.util.List;

/** One task's part of a solution: the claimed completion tick, its layers and transfers. */
public record TaskSchedule(String task, long completionTicks, List<LayerStart> layers, List<TransferStart> transfers) {
    public TaskSchedule {
        layers = List.copyOf(layers);
        transfers = List.copyOf(transfers);
    }
}
