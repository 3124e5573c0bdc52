package io.edgesplit.model;

/** Whether transfers queue (docs/model.md §4, constraint 5). */
public enum Contention implements JsonName {
    /** Transfers into the same node never overlap: each node receives one tensor at a time. */
    INGRESS("ingress"),
    /** Transfers only delay, never queue. */
    NONE("none");

    private final String json;

    Contention(String json) { this.json = json; }

    @Override
    public String json() { return json; }

    public static Contention fromJson(String s) { return JsonName.find(Contention.class, s); }
}
