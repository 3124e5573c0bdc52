package io.edgesplit.model;

/** How layers of a segment occupy their node (docs/model.md §4, constraint 6). */
public enum Granularity implements JsonName {
    /** A segment runs as one block: its layers back to back, nothing else in between. */
    SEGMENT("segment"),
    /** Layers are scheduled individually; other work may run between two layers of a segment. */
    LAYER("layer");

    private final String json;

    Granularity(String json) { this.json = json; }

    @Override
    public String json() { return json; }

    public static Granularity fromJson(String s) { return JsonName.find(Granularity.class, s); }
}
