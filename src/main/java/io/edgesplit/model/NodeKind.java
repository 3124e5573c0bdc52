package io.edgesplit.model;

/** The three tiers of a mobile edge computing system. */
public enum NodeKind {
    DEVICE("device"), EDGE("edge"), CLOUD("cloud");

    private final String json;

    NodeKind(String json) { this.json = json; }

    public String json() { return json; }

    public static NodeKind fromJson(String s) {
        for (NodeKind k : values()) if (k.json.equals(s)) return k;
        return null;
    }
}
