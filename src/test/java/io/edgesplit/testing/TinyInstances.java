package io.edgesplit.testing;

import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random instances for tests: {@link #tiny} ones are small enough for brute force (1–2 tasks of
 * ≤ 4 layers on ≤ 3 nodes) and exercise every feature of docs/model.md: chains and DAGs, release, availableAt,
 * slowdown, per-pair links, profiles with null entries, allowedNodes, weights. The same seed always gives
 * the same instance. {@code timeUnit} is 1 ms so tick counts stay small.
 */
public final class TinyInstances {
    private TinyInstances() {}

    /** Every layer on a node drawn uniformly from those it may run on (for warm starts and property tests). */
    public static int[][] randomPlacement(io.edgesplit.model.CompiledInstance ci, Random r) {
        int[][] placement = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            placement[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < ci.layerCount(t); l++) {
                int[] nodes = ci.nodesFor(t, l);
                placement[t][l] = nodes[r.nextInt(nodes.length)];
            }
        }
        return placement;
    }

    /** A tiny instance with the given modes. */
    public static Instance tiny(long seed, Granularity g, Contention c, Objective o) {
        return random(seed, 1 + new Random(seed).nextInt(2), 4, 3).withGranularity(g).withContention(c).withObjective(o);
    }

    /** A tiny instance whose modes are drawn from the seed too. */
    public static Instance tiny(long seed) {
        Random r = new Random(seed * 31 + 7);
        return tiny(seed, Granularity.values()[r.nextInt(2)], Contention.values()[r.nextInt(2)], Objective.values()[r.nextInt(2)]);
    }

    /** Every combination of granularity × contention × objective, {@code perCombination} seeds each. */
    public static List<Instance> allCombinations(int perCombination, long seedBase) {
        List<Instance> out = new ArrayList<>();
        long seed = seedBase;
        for (Granularity g : Granularity.values())
            for (Contention c : Contention.values())
                for (Objective o : Objective.values())
                    for (int i = 0; i < perCombination; i++) out.add(tiny(seed++, g, c, o));
        return out;
    }

    /**
     * A random instance: {@code tasks} tasks of up to {@code maxLayers} layers on up to {@code maxNodes}
     * nodes (at least one device per task origin and one edge).
     */
    public static Instance random(long seed, int tasks, int maxLayers, int maxNodes) {
        Random r = new Random(seed);
        int devices = Math.max(1, Math.min(tasks, maxNodes - 1) - (tasks > 1 && r.nextBoolean() ? 1 : 0));
        int servers = Math.max(1, maxNodes - devices - (r.nextInt(3) == 0 && maxNodes - devices > 1 ? 1 : 0));
        List<Node> nodes = new ArrayList<>();
        for (int d = 0; d < devices; d++)
            nodes.add(new Node("dev" + (d + 1), NodeKind.DEVICE, 1e9 * (1 + r.nextInt(3)),
                    r.nextInt(4) == 0 ? 0.001 * r.nextInt(5) : 0, r.nextInt(4) == 0 ? 1.5 : 1.0));
        for (int s = 0; s < servers; s++)
            nodes.add(new Node(s == servers - 1 && servers > 1 && r.nextBoolean() ? "cloud" + (s + 1) : "edge" + (s + 1),
                    s == servers - 1 && servers > 1 && r.nextBoolean() ? NodeKind.CLOUD : NodeKind.EDGE,
                    1e9 * (2 + r.nextInt(6)), r.nextInt(3) == 0 ? 0.001 * r.nextInt(8) : 0, r.nextInt(4) == 0 ? 1.25 : 1.0));
        // Names must match kinds: rebuild names for servers by their kind.
        for (int i = devices; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            nodes.set(i, new Node((n.kind() == NodeKind.CLOUD ? "cloud" : "edge") + (i - devices + 1), n.kind(), n.speed(), n.availableAt(), n.slowdown()));
        }

        List<DnnModel> models = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        List<Task> taskList = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int L = 1 + r.nextInt(maxLayers);
            List<Layer> layers = new ArrayList<>();
            boolean dag = L >= 3 && r.nextInt(3) == 0;
            for (int l = 0; l < L; l++) {
                List<String> inputs;
                if (l == 0) inputs = List.of();
                else if (dag && l == L - 1) inputs = List.of("l" + (l - 1), "l" + (l - 2));
                else if (dag && l == 2 && r.nextBoolean()) inputs = List.of("l0");
                else inputs = List.of("l" + (l - 1));
                if (dag && l == 1 && r.nextBoolean()) inputs = List.of(); // a second reader of the model input
                layers.add(new Layer("l" + l, 1e6 * (1 + r.nextInt(9)), 100.0 * r.nextInt(20), 0, inputs));
            }
            String modelName = "m" + (t + 1);
            models.add(new DnnModel(modelName, 100.0 * (1 + r.nextInt(20)), layers));
            String origin = "dev" + (1 + (t % devices));
            List<String> allowed = null;
            if (r.nextInt(5) == 0) {
                allowed = new ArrayList<>();
                if (r.nextBoolean()) allowed.add(origin);
                for (int i = devices; i < nodes.size(); i++) if (allowed.isEmpty() || r.nextBoolean()) allowed.add(nodes.get(i).name());
            }
            if (r.nextInt(4) == 0) {
                // A measured profile on the first server, with one layer it cannot run (when another node can).
                List<Double> secs = new ArrayList<>();
                for (int l = 0; l < L; l++) secs.add(0.001 * (1 + r.nextInt(6)));
                boolean someoneElse = allowed == null || allowed.size() > 1;
                if (someoneElse && L > 1) secs.set(r.nextInt(L), null);
                String server = nodes.get(devices).name();
                if (allowed == null || allowed.contains(server)) profiles.add(new Profile(modelName, server, secs));
            }
            double release = r.nextInt(3) == 0 ? 0.001 * r.nextInt(6) : 0;
            double weight = r.nextInt(4) == 0 ? 2.0 : 1.0;
            taskList.add(new Task("t" + (t + 1), modelName, origin, release, weight, allowed));
        }
        List<Link> links = new ArrayList<>();
        if (r.nextBoolean() && nodes.size() > 1)
            links.add(new Link(nodes.get(0).name(), nodes.get(nodes.size() - 1).name(), 2e5, r.nextBoolean() ? 0.002 : null));
        Network net = new Network(1e5 * (1 + r.nextInt(10)), 0.001 * r.nextInt(3), links);
        Instance in = new Instance("tiny-" + seed, 1e-3, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS,
                models, nodes, net, profiles, taskList, null);
        return repairEligibility(in);
    }

    /** Drops profiles that leave a layer with no eligible node, so every generated instance is valid. */
    private static Instance repairEligibility(Instance in) {
        try {
            in.compile();
            return in;
        } catch (RuntimeException e) {
            return new Instance(in.name(), in.timeUnit(), in.objective(), in.granularity(), in.contention(), in.models(),
                    in.nodes(), in.network(), List.of(), in.tasks(), null);
        }
    }
}
