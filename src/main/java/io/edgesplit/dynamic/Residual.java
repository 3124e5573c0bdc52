package io.edgesplit.dynamic;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The residual instance a policy plans at a decision point (docs/dynamic.md §3): the requests to plan, released
 * (at the decision: time 0 of the residual instance is now), each node available when the work already committed
 * to it is predicted to end, and the speeds and bandwidths in force now — what a real controller can observe.
 * Nothing about the future (later arrivals, later fluctuations) enters.
 */
final class Residual {
    private final Instance topology;
    private final CompiledInstance world;
    /** The last slowed network and the link factors it was made for: factors change far less often than decisions. */
    private double[] networkFactors;
    private Network network;
    /** Backends' memos (CompiledInstance.sharedMemo), one per network: the topology's and the current slowed one. */
    private final Map<String, Object> baseMemo = new java.util.HashMap<>();
    private Map<String, Object> slowedMemo;

    Residual(Instance topology, CompiledInstance world) {
        this.topology = topology;
        this.world = world;
    }

    /**
     * The residual instance, compiled with the memo of its network (so backends keep what depends on the network
     * and models across decisions, {@link CompiledInstance#sharedMemo()}).
     *
     * @param requests      request indices of {@code world} to plan, ascending
     * @param now           the decision tick
     * @param predictedFree per node, the tick its committed work is predicted to end (≥ now)
     */
    CompiledInstance compile(int[] requests, long now, long[] predictedFree, String name) {
        double unit = topology.timeUnit();
        List<Node> nodes = new ArrayList<>(topology.nodes().size());
        double[] linkFactor = new double[topology.nodes().size()];
        boolean anyLink = false;
        for (int n = 0; n < topology.nodes().size(); n++) {
            Node node = topology.nodes().get(n);
            double busy = Math.max(0, predictedFree[n] - now) * unit;
            nodes.add(new Node(node.name(), node.kind(), node.speed(), busy, node.slowdown() * world.computeFactor(n, now)));
            linkFactor[n] = world.linkFactor(n, now);
            anyLink |= linkFactor[n] != 1.0;
        }
        Network net = topology.network();
        if (anyLink) {
            if (!java.util.Arrays.equals(linkFactor, networkFactors)) {
                network = slowedNetwork(topology, world, linkFactor);
                networkFactors = linkFactor;
                slowedMemo = new java.util.HashMap<>();
            }
            net = network;
        }
        List<Task> tasks = new ArrayList<>(requests.length);
        for (int r : requests) {
            Task t = world.task(r);
            tasks.add(new Task(t.name(), t.model(), t.origin(), 0.0, t.weight(), t.allowedNodes()));
        }
        // Every model and profile is kept, so that at time 0 with nothing committed the residual instance is
        // the offline one (a backend's tie-breaking may depend on model order).
        return new Instance(name, unit, topology.objective(), topology.granularity(), topology.contention(), topology.models(),
                nodes, net, topology.profiles(), tasks, null).compileDerived(anyLink ? slowedMemo : baseMemo);
    }

    /** The network with bytes/bandwidth stretched by the larger link factor of the two ends, now. */
    private static Network slowedNetwork(Instance topology, CompiledInstance world, double[] f) {
        Map<String, Link> links = new LinkedHashMap<>();
        for (Link l : topology.network().links()) links.put(l.from() + "\u0000" + l.to(), l);
        int n = f.length;
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++) {
                if (p == q) continue;
                double g = Math.max(f[p], f[q]);
                if (g == 1.0) continue;
                String from = world.nodeName(p), to = world.nodeName(q);
                links.put(from + "\u0000" + to, new Link(from, to, world.bandwidth(p, q) / g, world.latency(p, q)));
            }
        return new Network(topology.network().defaultBandwidth(), topology.network().defaultLatency(), new ArrayList<>(links.values()));
    }
}
