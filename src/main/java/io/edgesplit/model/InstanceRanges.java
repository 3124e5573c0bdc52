package io.edgesplit.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Every number of an instance bounded before anything is solved (docs/formats.md, "Numeric ranges"): each
 * duration it implies, converted to ticks of its {@code timeUnit}, is at most {@link Ticks#MAX_DURATION},
 * and the whole instance's work (every release, every layer on its slowest node, every tensor sent to
 * every other node over the slowest link) fits below {@link Ticks#MAX_TIME}, so no schedule of it can overflow a 64-bit tick count.
 * Errors name the JSON path of the value that is too large. Linear in the size of the instance.
 */
final class InstanceRanges {
    private InstanceRanges() {}

    static void check(Instance in) {
        double unit = in.timeUnit();
        Map<String, Node> nodes = new HashMap<>();
        double worstSecondsPerFlop = 0, latestAvailable = 0;
        Node slowest = null;
        for (int n = 0; n < in.nodes().size(); n++) {
            Node node = in.nodes().get(n);
            nodes.put(node.name(), node);
            duration(node.availableAt(), unit, "nodes[" + n + "].availableAt", "this start");
            latestAvailable = Math.max(latestAvailable, node.availableAt());
            double spf = node.slowdown() / node.speed();
            if (spf > worstSecondsPerFlop) { worstSecondsPerFlop = spf; slowest = node; }
        }
        // The slowest link bounds every transfer: the largest latency plus the bytes over the smallest bandwidth.
        Network net = in.network();
        double maxLatency = net.defaultLatency(), minBandwidth = net.defaultBandwidth() == null ? Double.POSITIVE_INFINITY : net.defaultBandwidth();
        duration(net.defaultLatency(), unit, "network.default.latency", "this latency");
        for (int i = 0; i < net.links().size(); i++) {
            Link l = net.links().get(i);
            if (l.latency() != null) {
                duration(l.latency(), unit, "network.links[" + i + "].latency", "this latency");
                maxLatency = Math.max(maxLatency, l.latency());
            }
            if (l.bandwidth() != null) minBandwidth = Math.min(minBandwidth, l.bandwidth());
        }
        if (in.nodes().size() < 2) { maxLatency = 0; minBandwidth = Double.POSITIVE_INFINITY; } // nothing is ever sent

        Map<String, double[]> profileLayer = new HashMap<>();
        for (int i = 0; i < in.profiles().size(); i++) {
            Profile pr = in.profiles().get(i);
            Node node = nodes.get(pr.node());
            double[] worst = profileLayer.computeIfAbsent(pr.model(), k -> new double[pr.layerSeconds().size()]);
            for (int l = 0; l < pr.layerSeconds().size(); l++) {
                Double s = pr.layerSeconds().get(l);
                if (s == null) continue;
                double secs = s * node.slowdown();
                duration(secs, unit, "profiles[" + i + "].layerSeconds[" + l + "]", "this layer on \"" + node.name() + "\" (slowdown included)");
                worst[l] = Math.max(worst[l], secs);
            }
        }
        // A tensor is sent at most once to each other node (the validator refuses duplicates).
        int copies = Math.max(0, in.nodes().size() - 1);
        Map<String, Double> modelWork = new HashMap<>();
        for (int m = 0; m < in.models().size(); m++) {
            DnnModel model = in.models().get(m);
            String p = "models[" + m + "]";
            double work = transfer(model.inputBytes(), maxLatency, minBandwidth, unit, p + ".inputBytes") * copies;
            double[] profiled = profileLayer.get(model.name());
            for (int l = 0; l < model.layerCount(); l++) {
                Layer layer = model.layers().get(l);
                String lp = p + ".layers[" + l + "]";
                double secs = layer.flops() * worstSecondsPerFlop;
                duration(secs, unit, lp + ".flops", "this layer on its slowest node \"" + (slowest == null ? "?" : slowest.name()) + "\"");
                work += Math.max(secs, profiled == null ? 0 : profiled[l]) / unit;
                work += transfer(layer.outputBytes(), maxLatency, minBandwidth, unit, lp + ".outputBytes") * copies;
            }
            modelWork.put(model.name(), work);
        }
        double total = latestAvailable / unit;
        for (int t = 0; t < in.tasks().size(); t++) {
            Task task = in.tasks().get(t);
            duration(task.release(), unit, "tasks[" + t + "].release", "this release");
            total += task.release() / unit + modelWork.getOrDefault(task.model(), 0.0);
        }
        if (total > Ticks.MAX_TIME)
            throw new InvalidInputException("", String.format(java.util.Locale.ROOT,
                    "the instance's work adds up to about %.3g ticks of %s s, more than the %d a schedule may use; "
                            + "use a larger timeUnit or smaller values", total, unit, Ticks.MAX_TIME));
    }

    /** Ticks of sending {@code bytes} over the slowest link, refused with the path when above the limit. */
    private static double transfer(double bytes, double latency, double bandwidth, double unit, String path) {
        if (Double.isInfinite(bandwidth)) return 0;
        double secs = latency + bytes / bandwidth;
        duration(secs, unit, path, "sending it over the slowest link");
        return secs / unit;
    }

    private static void duration(double seconds, double unit, String path, String what) {
        double ticks = seconds / unit;
        if (!(ticks <= Ticks.MAX_DURATION))
            throw new InvalidInputException(path, String.format(java.util.Locale.ROOT,
                    "%s takes %.3g s, which is %.3g ticks of %s s; at most %d ticks (2^50) are allowed: use a larger "
                            + "timeUnit or a smaller value", what, seconds, ticks, unit, Ticks.MAX_DURATION));
    }
}
