package io.edgesplit.model;

import java.util.List;

/**
 * Bandwidth (bytes/s) and latency (s) for every ordered pair of distinct nodes: a default plus per-pair
 * overrides (docs/model.md §1).
 *
 * @param defaultBandwidth null when every ordered pair has a link giving its bandwidth
 * @param defaultLatency   0 when the file omits it
 */
public record Network(Double defaultBandwidth, double defaultLatency, List<Link> links) {
    public Network {
        links = List.copyOf(links);
    }

    public static Network uniform(double bandwidth, double latency) {
        return new Network(bandwidth, latency, List.of());
    }

    /** The override for {@code from → to}, or null. The last one given wins (the reader rejects duplicates). */
    public Link link(String from, String to) {
        Link found = null;
        for (Link l : links) if (l.from().equals(from) && l.to().equals(to)) found = l;
        return found;
    }

    /** Bandwidth of {@code from → to}, or null when neither a link nor the default gives one. */
    public Double bandwidth(String from, String to) {
        Link l = link(from, to);
        return l != null && l.bandwidth() != null ? l.bandwidth() : defaultBandwidth;
    }

    public double latency(String from, String to) {
        Link l = link(from, to);
        return l != null && l.latency() != null ? l.latency() : defaultLatency;
    }
}
