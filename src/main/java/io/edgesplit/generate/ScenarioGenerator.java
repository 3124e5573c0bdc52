package io.edgesplit.generate;

import io.edgesplit.generate.Hardware.LinkClass;
import io.edgesplit.generate.Hardware.NodeClass;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InstanceChecks;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;
import io.edgesplit.profiles.MeasuredProfiles;
import io.edgesplit.zoo.ModelZoo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates problem instances from named scenario families (docs/datasets.md), in size classes, deterministically
 * for a seed. docs/datasets.md describes the families and where every number comes from.
 *
 * <ul>
 *   <li>{@code testbed}: like the seed paper's testbed: three endpoints (Raspberry Pi 3B+) on Wi-Fi, a few
 *   desktop-PC edge servers on a gigabit LAN, VGG5 requests issued periodically, some edge load.</li>
 *   <li>{@code campus-light}, {@code campus-heavy}: a heterogeneous campus: Raspberry Pi 4/5 devices,
 *   Jetson Nano / Jetson Xavier NX / T4-server edge nodes, one A100 cloud; Wi-Fi device↔edge (a per-device
 *   signal factor), LAN edge↔edge, WAN to the cloud; mixed zoo models; Poisson request arrivals; edge load
 *   through {@code availableAt} and {@code slowdown}. Heavy has more tasks per node, a shorter mean gap
 *   between requests, more and longer background load and weaker Wi-Fi.</li>
 * </ul>
 *
 * <p>Determinism: one {@link SplittableRandom} seeded from the seed, family and size, drawn in a fixed order; no hash
 * iteration order anywhere; numbers are rounded (0.1 ms, two decimals) so the files stay readable.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {}

    /** The scenario families. */
    public enum Family {
        TESTBED("testbed"), CAMPUS_LIGHT("campus-light"), CAMPUS_HEAVY("campus-heavy"),
        /**
         * The heavy campus with measured costs: the edge servers are GPU machines whose per-layer latencies
         * come from published TensorRT measurements ({@link #MEASURED}); only measured models are requested.
         */
        CAMPUS_MEASURED("campus-measured");

        private final String id;

        Family(String id) { this.id = id; }

        public String id() { return id; }

        public static Family fromId(String s) {
            for (Family f : values()) if (f.id.equals(s)) return f;
            return null;
        }
    }

    /**
     * Size classes (docs/datasets.md): task and node count ranges. {@code maxLayers} bounds every task's model
     * (0 = any zoo model).
     */
    public enum SizeClass {
        /** Brute force finishes: 1–2 tasks of ≤ 4 layers on ≤ 3 nodes (models cut from zoo models). */
        TINY("tiny", 1, 2, 2, 3, 4),
        /** Exact solvers should prove optimality: 4–8 tasks of VGG5 size (7 layers) on 4–6 nodes. */
        SMALL("small", 4, 8, 4, 6, 7),
        /** 20–50 tasks of zoo models on 8–16 nodes. */
        MEDIUM("medium", 20, 50, 8, 16, 0),
        /** Heuristics only: 200–1000 tasks on 16–64 nodes. */
        LARGE("large", 200, 1000, 16, 64, 0);

        private final String id;
        public final int minTasks, maxTasks, minNodes, maxNodes, maxLayers;

        SizeClass(String id, int minTasks, int maxTasks, int minNodes, int maxNodes, int maxLayers) {
            this.id = id;
            this.minTasks = minTasks;
            this.maxTasks = maxTasks;
            this.minNodes = minNodes;
            this.maxNodes = maxNodes;
            this.maxLayers = maxLayers;
        }

        public String id() { return id; }

        public static SizeClass fromId(String s) {
            for (SizeClass c : values()) if (c.id.equals(s)) return c;
            return null;
        }
    }

    /**
     * What to generate. {@code tasks}, {@code nodes}, {@code objective}, {@code granularity} and
     * {@code contention} are optional overrides (null = drawn from the size class / the default mode).
     * An override of tasks or nodes may leave the class's range; the class still chooses the models.
     */
    public record Spec(Family family, SizeClass size, long seed, Integer tasks, Integer nodes,
                       Objective objective, Granularity granularity, Contention contention) {
        public Spec {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(size, "size");
            if (tasks != null && tasks < 1) throw new IllegalArgumentException("--tasks must be at least 1, got " + tasks);
            if (nodes != null && nodes < 2)
                throw new IllegalArgumentException("--nodes must be at least 2 (a device and a server), got " + nodes);
            if (seed < 0) throw new IllegalArgumentException("--seed must be >= 0, got " + seed);
        }

        public static Spec of(Family family, SizeClass size, long seed) {
            return new Spec(family, size, seed, null, null, null, null, null);
        }

        public Spec withTasks(Integer n) { return new Spec(family, size, seed, n, nodes, objective, granularity, contention); }

        public Spec withNodes(Integer n) { return new Spec(family, size, seed, tasks, n, objective, granularity, contention); }

        public Spec withModes(Objective o, Granularity g, Contention c) {
            return new Spec(family, size, seed, tasks, nodes, o, g, c);
        }

        /** What the overrides add to names: {@code -t1000-n64-total-latency-layer-none}. */
        private String suffix() {
            StringBuilder b = new StringBuilder();
            if (tasks != null) b.append("-t").append(tasks);
            if (nodes != null) b.append("-n").append(nodes);
            if (objective != null) b.append('-').append(objective.json());
            if (granularity != null) b.append('-').append(granularity.json());
            if (contention != null) b.append('-').append(contention.json());
            return b.toString();
        }

        /** The instance name: {@code campus-light-small-s7}. */
        public String name() { return family.id() + "-" + size.id() + "-s" + seed + suffix(); }

        /** The file name under {@code datasets/instances/<class>/}: {@code campus-light-s7.json}. */
        public String fileName() { return family.id() + "-s" + seed + suffix() + ".json"; }

        /** The {@code generate} arguments that reproduce this spec (without {@code --out}). */
        public List<String> commandArgs() {
            List<String> a = new ArrayList<>(List.of("--scenario", family.id(), "--seed", Long.toString(seed), "--size", size.id()));
            if (tasks != null) a.addAll(List.of("--tasks", tasks.toString()));
            if (nodes != null) a.addAll(List.of("--nodes", nodes.toString()));
            if (objective != null) a.addAll(List.of("--objective", objective.json()));
            if (granularity != null) a.addAll(List.of("--granularity", granularity.json()));
            if (contention != null) a.addAll(List.of("--contention", contention.json()));
            return a;
        }
    }

    /** Generates the instance of a spec; the same spec always gives an equal instance. */
    /** One item drawn with probability proportional to its weight (one uniform draw; the last item absorbs rounding). */
    public static <T> T pickWeighted(List<T> items, java.util.function.ToDoubleFunction<T> weight, SplittableRandom rnd) {
        double total = 0;
        for (T t : items) total += weight.applyAsDouble(t);
        double x = rnd.nextDouble() * total;
        for (T t : items) {
            x -= weight.applyAsDouble(t);
            if (x < 0) return t;
        }
        return items.get(items.size() - 1);
    }

    public static Instance generate(Spec spec) {
        Instance in = new Builder(spec).build();
        InstanceChecks.check(in);
        return in;
    }

    /** The measured-profile set of the {@code campus-measured} family (docs/datasets.md, "Measured profiles"). */
    public static final String MEASURED = "rtx3060-laptop-trt-fp16";

    // ------------------------------------------------------------------ models

    /**
     * Layers {@code [from, to)} of a zoo model as a model of its own: the tensor entering layer
     * {@code from} becomes the model input. Only cuts where that tensor is the one predecessor outside
     * the slice are allowed (a join cannot read the model input and a layer at once).
     */
    static DnnModel slice(String zooName, int from, int to, String name) {
        DnnModel m = ModelZoo.get(zooName);
        String entering = from == 0 ? null : m.layers().get(from - 1).name();
        double inputBytes = from == 0 ? m.inputBytes() : m.layers().get(from - 1).outputBytes();
        List<String> inside = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Layer l = m.layers().get(i);
            List<String> inputs = l.inputs();
            if (!inside.containsAll(inputs)) {
                if (!inputs.equals(entering == null ? List.of() : List.of(entering)))
                    throw new IllegalStateException("cannot cut " + zooName + " at " + from + ": " + l.name() + " reads " + inputs);
                inputs = List.of();
            }
            layers.add(new Layer(l.name(), l.flops(), l.outputBytes(), l.paramBytes(), inputs));
            inside.add(l.name());
        }
        return new DnnModel(name, inputBytes, layers);
    }

    /** A model choice with a relative frequency; {@code zoo} is the zoo model it is (or is cut from). */
    private record Weighted(DnnModel model, double weight, String zoo) {
        Weighted(DnnModel model, double weight) { this(model, weight, null); }
    }

    private static Weighted zoo(String name, double w) { return new Weighted(ModelZoo.get(name).asZooReference(), w, name); }

    private static Weighted cut(String zooName, int from, int to, String name, double w) {
        return new Weighted(slice(zooName, from, to, name), w, zooName);
    }

    private static List<Weighted> modelMix(Family family, SizeClass size) {
        if (family == Family.CAMPUS_MEASURED) return measuredMix(size);
        boolean testbed = family == Family.TESTBED;
        return switch (size) {
            // Tiny: cuts of zoo models, at most 4 layers, so that brute force finishes.
            case TINY -> testbed
                    ? List.of(new Weighted(slice("vgg5", 0, 4, "vgg5-head4"), 1), new Weighted(slice("vgg5", 0, 3, "vgg5-head3"), 1),
                              new Weighted(slice("vgg5", 4, 7, "vgg5-tail3"), 1))
                    : List.of(new Weighted(slice("vgg5", 0, 4, "vgg5-head4"), 1), new Weighted(slice("resnet18", 1, 5, "resnet18-block1"), 1),
                              new Weighted(slice("alexnet", 0, 4, "alexnet-head4"), 1));
            // Small: VGG5-size models (7 layers); the campus mixes in 7-layer cuts of AlexNet and ResNet-18.
            case SMALL -> testbed ? List.of(zoo("vgg5", 1))
                    : List.of(zoo("vgg5", 2), new Weighted(slice("alexnet", 0, 7, "alexnet-features7"), 1),
                              new Weighted(slice("resnet18", 1, 8, "resnet18-layer1"), 1));
            case MEDIUM -> testbed ? List.of(zoo("vgg5", 1))
                    : List.of(zoo("vgg5", 4), zoo("mobilenet_v2", 4), zoo("resnet18", 4), zoo("googlenet", 3), zoo("alexnet", 2),
                              zoo("resnet50", 2), zoo("vgg16", 1));
            // Large: lighter mix, so that hundreds of tasks stay within reach of the heuristics.
            case LARGE -> testbed ? List.of(zoo("vgg5", 1))
                    : List.of(zoo("vgg5", 7), zoo("mobilenet_v2", 4), zoo("resnet18", 4), zoo("alexnet", 3), zoo("googlenet", 2));
        };
    }

    /** Only models with measurements: AlexNet, ResNet-18, MobileNetV2, and cuts of the first two. */
    private static List<Weighted> measuredMix(SizeClass size) {
        return switch (size) {
            case TINY -> List.of(cut("alexnet", 0, 4, "alexnet-head4", 1), cut("resnet18", 1, 5, "resnet18-block1", 1));
            case SMALL -> List.of(cut("alexnet", 0, 7, "alexnet-features7", 1), cut("resnet18", 1, 8, "resnet18-layer1", 1));
            case MEDIUM, LARGE -> List.of(zoo("alexnet", 2), zoo("resnet18", 4), zoo("mobilenet_v2", 4));
        };
    }

    // ------------------------------------------------------------------ the builder

    private static final class Builder {
        final Spec spec;
        final SplittableRandom rnd;
        final boolean heavy;
        final boolean campus;
        final List<Node> nodes = new ArrayList<>();
        final List<Node> devices = new ArrayList<>();
        final List<Node> edges = new ArrayList<>();
        Node cloud;
        /** Per device (same order as {@link #devices}): its Wi-Fi signal factor (1 = nominal). */
        final List<Double> wifiFactor = new ArrayList<>();

        Builder(Spec spec) {
            this.spec = spec;
            this.rnd = new SplittableRandom(streamSeed(spec));
            this.heavy = spec.family() == Family.CAMPUS_HEAVY || spec.family() == Family.CAMPUS_MEASURED;
            this.campus = spec.family() != Family.TESTBED;
        }

        Instance build() {
            SizeClass size = spec.size();
            int taskCount = spec.tasks() != null ? spec.tasks() : drawTaskCount(size);
            int nodeCount = spec.nodes() != null ? spec.nodes() : between(size.minNodes, size.maxNodes);
            makeNodes(size, taskCount, nodeCount);
            Network network = makeNetwork();
            List<Weighted> mix = modelMix(spec.family(), size);
            List<Task> tasks = makeTasks(taskCount, mix);
            List<DnnModel> models = new ArrayList<>();
            List<Profile> profiles = new ArrayList<>();
            MeasuredProfiles measured = spec.family() == Family.CAMPUS_MEASURED ? MeasuredProfiles.builtIn(MEASURED) : null;
            for (Weighted w : mix)
                if (tasks.stream().anyMatch(t -> t.model().equals(w.model().name()))) {
                    models.add(w.model());
                    // Measured seconds on every edge server (devices and the cloud keep flops / speed).
                    if (measured != null)
                        for (Node e : edges) profiles.add(new Profile(w.model().name(), e.name(), measured.layerSeconds(w.model(), w.zoo())));
                }
            return new Instance(spec.name(), Instance.DEFAULT_TIME_UNIT,
                    spec.objective() != null ? spec.objective() : Objective.MAKESPAN,
                    spec.granularity() != null ? spec.granularity() : Granularity.SEGMENT,
                    spec.contention() != null ? spec.contention() : Contention.INGRESS,
                    models, nodes, network, profiles, tasks, null);
        }

        /** Light draws from the lower half of the class's range, heavy from the upper half, testbed anywhere. */
        int drawTaskCount(SizeClass size) {
            int lo = size.minTasks, hi = size.maxTasks;
            if (size == SizeClass.TINY) return between(lo, hi);
            int mid = lo + (hi - lo) / 2;
            return switch (spec.family()) {
                case TESTBED -> between(lo, hi);
                case CAMPUS_LIGHT -> between(lo, mid);
                case CAMPUS_HEAVY, CAMPUS_MEASURED -> between(mid, hi);
            };
        }

        void makeNodes(SizeClass size, int taskCount, int nodeCount) {
            int deviceCount, edgeCount, cloudCount;
            if (size == SizeClass.TINY) {
                // One device per task (fewer when nodes are short); the rest are servers, the second a cloud.
                deviceCount = Math.max(1, Math.min(taskCount, nodeCount - 1));
                int servers = nodeCount - deviceCount;
                cloudCount = campus && servers >= 2 ? 1 : 0;
                edgeCount = servers - cloudCount;
            } else if (!campus) {
                // The paper's testbed has three endpoints; bigger classes keep its 3:2 device:server ratio.
                deviceCount = size == SizeClass.SMALL ? 3 : Math.max(3, Math.round(nodeCount * 0.6f));
                deviceCount = Math.min(deviceCount, nodeCount - 1);
                cloudCount = 0;
                edgeCount = nodeCount - deviceCount;
            } else {
                cloudCount = nodeCount >= 3 ? 1 : 0;
                edgeCount = Math.max(1, Math.round((nodeCount - cloudCount) * 0.35f));
                deviceCount = nodeCount - cloudCount - edgeCount;
            }
            for (int d = 0; d < deviceCount; d++) {
                NodeClass c = !campus ? Hardware.RPI3BPLUS : rnd.nextDouble() < 0.3 ? Hardware.RPI5 : Hardware.RPI4;
                double slowdown = 1.0;
                if (campus && rnd.nextDouble() < (heavy ? 0.4 : 0.2)) slowdown = round2(uniform(1.0, heavy ? 2.0 : 1.5));
                Node n = new Node("dev" + (d + 1), NodeKind.DEVICE, c.speed(), 0.0, slowdown);
                devices.add(n);
                wifiFactor.add(campus ? round2(heavy ? uniform(0.2, 0.8) : uniform(0.4, 1.0)) : 1.0);
            }
            // Edge hardware cycles through the three classes from a random start, so every class appears
            // once there are three edges.
            NodeClass[] edgeClasses = {Hardware.JETSON_NANO, Hardware.JETSON_XAVIER_NX, Hardware.T4_SERVER};
            int offset = rnd.nextInt(edgeClasses.length);
            for (int e = 0; e < edgeCount; e++) {
                NodeClass c = spec.family() == Family.CAMPUS_MEASURED ? Hardware.RTX3060_LAPTOP
                        : campus ? edgeClasses[(offset + e) % edgeClasses.length] : Hardware.DESKTOP_I7;
                double pBusy = campus ? (heavy ? 0.8 : 0.4) : 0.5;
                double maxBusy = campus ? (heavy ? 0.050 : 0.010) : 0.005;
                double pSlow = campus ? (heavy ? 0.7 : 0.3) : 0.5;
                double availableAt = rnd.nextDouble() < pBusy ? roundTenthMs(uniform(0, maxBusy)) : 0.0;
                double slowdown = rnd.nextDouble() < pSlow ? round2(heavy ? uniform(1.2, 2.5) : uniform(1.0, 1.5)) : 1.0;
                edges.add(new Node("edge" + (e + 1), NodeKind.EDGE, c.speed(), availableAt, slowdown));
            }
            // The cloud is elastic: no queue, no background load (assumption).
            if (cloudCount == 1) cloud = new Node("cloud", NodeKind.CLOUD, Hardware.A100_CLOUD.speed(), 0.0, 1.0);
            nodes.addAll(devices);
            nodes.addAll(edges);
            if (cloud != null) nodes.add(cloud);
        }

        /**
         * Default = nominal Wi-Fi (device↔edge, and device↔device, which no task uses by default);
         * per-pair links for weaker Wi-Fi, the LAN between edges, and the WAN to the cloud (a device
         * reaches the cloud through its Wi-Fi and then the WAN: the slower bandwidth, the summed latency).
         */
        Network makeNetwork() {
            LinkClass wifi = Hardware.WIFI, lan = Hardware.LAN, wan = Hardware.WAN;
            List<Link> links = new ArrayList<>();
            for (int d = 0; d < devices.size(); d++) {
                double f = wifiFactor.get(d);
                if (f == 1.0) continue;
                String dev = devices.get(d).name();
                for (Node e : edges) {
                    double bw = Math.round(wifi.bandwidth() * f);
                    links.add(new Link(dev, e.name(), bw, null));
                    links.add(new Link(e.name(), dev, bw, null));
                }
            }
            for (Node a : edges)
                for (Node b : edges)
                    if (a != b) links.add(new Link(a.name(), b.name(), lan.bandwidth(), lan.latency()));
            if (cloud != null) {
                for (int d = 0; d < devices.size(); d++) {
                    String dev = devices.get(d).name();
                    double bw = Math.min(Math.round(wifi.bandwidth() * wifiFactor.get(d)), wan.bandwidth());
                    double lat = round6(wifi.latency() + wan.latency());
                    links.add(new Link(dev, cloud.name(), bw, lat));
                    links.add(new Link(cloud.name(), dev, bw, lat));
                }
                for (Node e : edges) {
                    links.add(new Link(e.name(), cloud.name(), wan.bandwidth(), wan.latency()));
                    links.add(new Link(cloud.name(), e.name(), wan.bandwidth(), wan.latency()));
                }
            }
            return new Network(wifi.bandwidth(), wifi.latency(), links);
        }

        /**
         * Testbed: endpoints take turns and issue a request every 10 ms with up to 5 ms jitter. Campus:
         * each task picks a device at random; each device's requests arrive as a Poisson process (mean gap
         * 100 ms light, 25 ms heavy). Tasks are numbered in release order.
         */
        List<Task> makeTasks(int taskCount, List<Weighted> mix) {
            record Draft(int device, double release, String model, double weight, boolean onCampusOnly) {}
            List<Draft> drafts = new ArrayList<>();
            double[] clock = new double[devices.size()];
            double[] lastPeriodic = new double[devices.size()];
            for (int i = 0; i < taskCount; i++) {
                int d = campus ? rnd.nextInt(devices.size()) : i % devices.size();
                double release;
                if (campus) {
                    double meanGap = heavy ? 0.025 : 0.100;
                    // StrictMath: Math.log may differ by an ulp between JVMs, and the files must not.
                    clock[d] += -meanGap * StrictMath.log(1.0 - rnd.nextDouble());
                    release = roundTenthMs(clock[d]);
                } else {
                    release = roundTenthMs(lastPeriodic[d] + uniform(0, 0.005));
                    lastPeriodic[d] += 0.010;
                }
                String model = pick(mix).name();
                double weight = campus && rnd.nextDouble() < 0.2 ? 2.0 : 1.0;
                boolean onCampusOnly = cloud != null && rnd.nextDouble() < 0.1;
                drafts.add(new Draft(d, release, model, weight, onCampusOnly));
            }
            List<Draft> sorted = new ArrayList<>(drafts);
            sorted.sort(Comparator.comparingDouble(Draft::release).thenComparingInt(Draft::device)); // stable
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                Draft t = sorted.get(i);
                String origin = devices.get(t.device()).name();
                List<String> allowed = null;
                if (t.onCampusOnly()) {
                    // Privacy-sensitive request: it may not leave the campus (no cloud).
                    allowed = new ArrayList<>();
                    allowed.add(origin);
                    for (Node e : edges) allowed.add(e.name());
                }
                tasks.add(new Task("t" + (i + 1), t.model(), origin, t.release(), t.weight(), allowed));
            }
            return tasks;
        }

        DnnModel pick(List<Weighted> mix) { return pickWeighted(mix, Weighted::weight, rnd).model(); }

        int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

        double uniform(double lo, double hi) { return lo + (hi - lo) * rnd.nextDouble(); }
    }

    /**
     * The random stream of a spec: the seed mixed with the family and size names, so that seed 1 of two
     * families does not draw the same numbers (String.hashCode is specified by the JLS, hence stable).
     */
    private static long streamSeed(Spec spec) {
        return spec.seed() * 0x9E3779B97F4A7C15L + (spec.family().id() + "/" + spec.size().id()).hashCode();
    }

    private static double round2(double x) { return Math.round(x * 100) / 100.0; }

    private static double roundTenthMs(double seconds) { return Math.round(seconds * 1e4) / 1e4; }

    private static double round6(double x) { return Math.round(x * 1e6) / 1e6; }
}
