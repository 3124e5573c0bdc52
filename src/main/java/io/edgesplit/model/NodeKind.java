package io.edgesplit.model;

/** The three tiers of a mobile edge computing system. */
public enum NodeKind implements JsonName {
    DEVICE("device"), EDGE("edge"), CLOUD("cloud");

    private final String json;

    NodeKind(String json) { this.json = json; }

    @Override
    public String json() { return json; }

    public static NodeKind fromJson(String s) { return JsonName.find(NodeKind.class, s); }
}
