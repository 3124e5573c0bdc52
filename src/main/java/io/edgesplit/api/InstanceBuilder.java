package io.edgesplit.api;

import io.edgesplit.model.BestKnown;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InstanceChecks;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;
import io.edgesplit.zoo.ModelZoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a problem instance in code, field by field as an instance file has them (docs/formats.md,
 * "Instance"; meanings in docs/model.md). Defaults are the file's: time unit 1 µs, makespan, segment
 * granularity, ingress contention, latency 0. {@link #build()} runs every check the file reader runs, and
 * an error names the field by the path it would have in the file, e.g. {@code tasks[2].origin: unknown node
 * "edge9" (known: dev1, dev2, edge1)} (an {@link InvalidInputException}).
 * <pre>{@code
 * Instance in = EdgeSplit.instance("two-devices")
 *         .zooModel("vgg5")
 *         .device("dev1", 1.33e9).device("dev2", 1.33e9).edge("edge1", 9.2e10)
 *         .bandwidth(25e6).latency(0.001)
 *         .task("t1", "vgg5", "dev1", 0.0)
 *         .build();
 * }</pre>
 * Elements keep the order they were added in; that order is the index in error paths.
 */
public final class InstanceBuilder {
    private final String name;
    private double timeUnit = Instance.DEFAULT_TIME_UNIT;
    private Objective objective = Objective.MAKESPAN;
    private Granularity granularity = Granularity.SEGMENT;
    private Contention contention = Contention.INGRESS;
    private final List<DnnModel> models = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private Double bandwidth;
    private double latency;
    private final List<Link> links = new ArrayList<>();
    private final List<Profile> profiles = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private BestKnown bestKnown;

    InstanceBuilder(String name) {
        if (name == null) throw new InvalidInputException("name", "must not be null");
        this.name = name;
    }

    /** Seconds per tick (default 1e-6): every time is rounded up to whole ticks (docs/model.md). */
    public InstanceBuilder timeUnit(double seconds) { this.timeUnit = seconds; return this; }

    /** {@code MAKESPAN} (default) or {@code TOTAL_LATENCY}. */
    public InstanceBuilder objective(Objective o) { this.objective = notNull(o, "objective"); return this; }

    /** {@code SEGMENT} (default: a segment runs as one block) or {@code LAYER}. */
    public InstanceBuilder granularity(Granularity g) { this.granularity = notNull(g, "granularity"); return this; }

    /** {@code INGRESS} (default: a node receives one tensor at a time) or {@code NONE}. */
    public InstanceBuilder contention(Contention c) { this.contention = notNull(c, "contention"); return this; }

    // ---- models

    /** A model of the zoo by name ({@link EdgeSplit#zooModels()}), e.g. {@code vgg5}, {@code resnet18}. */
    public InstanceBuilder zooModel(String zooName) {
        String p = "models[" + models.size() + "].zoo";
        if (zooName == null) throw new InvalidInputException(p, "must not be null");
        try {
            models.add(ModelZoo.get(zooName).asZooReference());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(p, e.getMessage()); // the reader's message and path for {"zoo": NAME}
        }
        return this;
    }

    /** A model built with {@link EdgeSplit#model} (or read elsewhere). */
    public InstanceBuilder model(DnnModel m) { models.add(notNull(m, "models[" + models.size() + "]")); return this; }

    public InstanceBuilder model(ModelBuilder m) { return model(notNull(m, "models[" + models.size() + "]").build()); }

    // ---- nodes

    /** A user device: runs its own tasks' layers (and others' only when a task allows it). */
    public InstanceBuilder device(String nodeName, double flopsPerSecond) { return node(nodeName, NodeKind.DEVICE, flopsPerSecond, 0, 1); }

    /** An edge server: eligible for every task by default. */
    public InstanceBuilder edge(String nodeName, double flopsPerSecond) { return node(nodeName, NodeKind.EDGE, flopsPerSecond, 0, 1); }

    /** A cloud server: eligible for every task by default. */
    public InstanceBuilder cloud(String nodeName, double flopsPerSecond) { return node(nodeName, NodeKind.CLOUD, flopsPerSecond, 0, 1); }

    /**
     * A node with its current load.
     *
     * @param availableAt seconds the node stays busy with earlier work
     * @param slowdown    ≥ 1, multiplies every compute time on the node (background load)
     */
    public InstanceBuilder node(String nodeName, NodeKind kind, double flopsPerSecond, double availableAt, double slowdown) {
        String p = "nodes[" + nodes.size() + "]";
        notNull(nodeName, p + ".name");
        notNull(kind, p + ".kind");
        nodes.add(new Node(nodeName, kind, flopsPerSecond, availableAt, slowdown));
        return this;
    }

    // ---- network

    /** Default bandwidth of every ordered pair of distinct nodes, bytes/s. */
    public InstanceBuilder bandwidth(double bytesPerSecond) { this.bandwidth = bytesPerSecond; return this; }

    /** Default latency of every ordered pair of distinct nodes, seconds (default 0). */
    public InstanceBuilder latency(double seconds) { this.latency = seconds; return this; }

    /** One direction {@code from → to} with its own bandwidth and latency; null keeps the default. */
    public InstanceBuilder link(String from, String to, Double bytesPerSecond, Double latencySeconds) {
        String p = "network.links[" + links.size() + "]";
        notNull(from, p + ".from");
        notNull(to, p + ".to");
        links.add(new Link(from, to, bytesPerSecond, latencySeconds));
        return this;
    }

    /** Both directions between {@code a} and {@code b}. */
    public InstanceBuilder links(String a, String b, Double bytesPerSecond, Double latencySeconds) {
        return link(a, b, bytesPerSecond, latencySeconds).link(b, a, bytesPerSecond, latencySeconds);
    }

    // ---- profiles

    /** Measured seconds per layer of {@code model} on {@code node}, replacing flops / speed; null = cannot run there. */
    public InstanceBuilder profile(String model, String node, Double... layerSeconds) {
        String p = "profiles[" + profiles.size() + "]";
        notNull(model, p + ".model");
        notNull(node, p + ".node");
        notNull(layerSeconds, p + ".layerSeconds");
        profiles.add(new Profile(model, node, Arrays.asList(layerSeconds)));
        return this;
    }

    // ---- tasks

    /** A request released at time 0 with weight 1. */
    public InstanceBuilder task(String taskName, String model, String origin) { return task(taskName, model, origin, 0); }

    /** A request whose input is on {@code origin} at {@code releaseSeconds}; its result must come back there. */
    public InstanceBuilder task(String taskName, String model, String origin, double releaseSeconds) {
        return task(taskName, model, origin, releaseSeconds, 1, (String[]) null);
    }

    /**
     * A request with a weight (total-latency objective) and, when {@code allowedNodes} is given, the only
     * nodes its layers may use (replacing the default: its origin plus every edge and cloud node).
     */
    public InstanceBuilder task(String taskName, String model, String origin, double releaseSeconds, double weight, String... allowedNodes) {
        String p = "tasks[" + tasks.size() + "]";
        notNull(taskName, p + ".name");
        notNull(model, p + ".model");
        notNull(origin, p + ".origin");
        if (allowedNodes != null)
            for (int a = 0; a < allowedNodes.length; a++) notNull(allowedNodes[a], p + ".allowedNodes[" + a + "]");
        tasks.add(new Task(taskName, model, origin, releaseSeconds, weight, allowedNodes == null ? null : List.of(allowedNodes)));
        return this;
    }

    /** The best objective known (seconds) and where it comes from; carried along, never used to solve. */
    public InstanceBuilder bestKnown(double objectiveSeconds, String source) { this.bestKnown = new BestKnown(objectiveSeconds, source); return this; }

    /**
     * The instance, checked as the file reader checks a file.
     *
     * @throws InvalidInputException naming the field, e.g. {@code tasks[2].origin}
     */
    public Instance build() {
        if (bestKnown != null && (!Double.isFinite(bestKnown.objective()) || bestKnown.objective() < 0))
            throw new InvalidInputException("bestKnown.objective", "expected a finite number >= 0, got " + bestKnown.objective());
        Instance in = new Instance(name, timeUnit, objective, granularity, contention, models, nodes,
                new Network(bandwidth, latency, links), profiles, tasks, bestKnown);
        InstanceChecks.check(in);
        return in;
    }

    private static <T> T notNull(T v, String path) {
        if (v == null) throw new InvalidInputException(path, "must not be null");
        return v;
    }
}
