package io.edgesplit.model;

/** What a schedule is judged by (docs/model.md §5). */
public enum Objective implements JsonName {
    /** {@code max_t C_t}. */
    MAKESPAN("makespan"),
    /** {@code Σ_t weight_t × (C_t − release_t)}. */
    TOTAL_LATENCY("total-latency");

    private final String json;

    Objective(String json) { this.json = json; }

    @Override
    public String json() { return json; }

    public static Objective fromJson(String s) { return JsonName.find(Objective.class, s); }
}
