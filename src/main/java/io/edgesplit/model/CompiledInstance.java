package io.edgesplit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance converted once to integer ticks (docs/model.md §2) and to indices, which is what every backend and
 * the validator work on. Nodes, tasks and layers are numbered in file order. Immutable once built (the
 * arrays are never handed out for writing: accessors return values).
 */
public final class CompiledInstance {
    /** Marker for "this layer cannot run on this node" in {@link #proc}. */
    public static final long CANNOT_RUN = -1;

    private final Instance source;
    private final String[] nodeNames;
    private final NodeKind[] nodeKinds;
    private final long[] availableAt;
    private final double[][] bandwidth;
    private final double[][] latency;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final ModelData[] modelData;
    private final TaskData[] tasks;
    private final Map<String, Integer> taskIndex = new HashMap<>();

    /** Per model: structure and per-node processing ticks (before task eligibility). */
    private record ModelData(DnnModel model, int[][] preds, int[][] succs, boolean[] output, long[][] proc,
                             double[][] procSeconds, Map<String, Integer> layerIndex) {}

    /** Piecewise-constant factors of one node from docs/model.md §8: from {@code at[k]} ticks on, {@code factor[k]}. */
    private record Steps(long[] at, double[] factor) {
        static final Steps NONE = new Steps(new long[0], new double[0]);

        double at(long tick) {
            int k = java.util.Arrays.binarySearch(at, tick);
            if (k < 0) k = -k - 2; // the last step at or before tick
            return k < 0 ? 1.0 : factor[k];
        }

        static Steps of(List<Fluctuation.Step> steps, double timeUnit) {
            if (steps.isEmpty()) return NONE;
            long[] at = new long[steps.size()];
            double[] f = new double[steps.size()];
            for (int k = 0; k < at.length; k++) {
                at[k] = Ticks.of(steps.get(k).at(), timeUnit);
                f[k] = steps.get(k).factor();
            }
            return new Steps(at, f);
        }
    }

    private final Steps[] computeSteps;
    private final Steps[] linkSteps;
    private final boolean fluctuating;

    private record TaskData(Task task, int model, int origin, long release, boolean[] eligible) {}

    private final Map<String, Object> sharedMemo;

    private CompiledInstance(Instance in, Map<String, Object> sharedMemo) {
        this.source = in;
        this.sharedMemo = sharedMemo;
        int n = in.nodes().size();
        nodeNames = new String[n];
        nodeKinds = new NodeKind[n];
        availableAt = new long[n];
        for (int i = 0; i < n; i++) {
            Node node = in.nodes().get(i);
            nodeNames[i] = node.name();
            nodeKinds[i] = node.kind();
            availableAt[i] = Ticks.of(node.availableAt(), in.timeUnit());
            nodeIndex.put(node.name(), i);
        }
        computeSteps = new Steps[n];
        linkSteps = new Steps[n];
        java.util.Arrays.fill(computeSteps, Steps.NONE);
        java.util.Arrays.fill(linkSteps, Steps.NONE);
        for (Fluctuation f : in.fluctuations()) {
            int i = nodeIndex.get(f.node());
            computeSteps[i] = Steps.of(f.compute(), in.timeUnit());
            linkSteps[i] = Steps.of(f.link(), in.timeUnit());
        }
        fluctuating = in.fluctuating();
        // Residual instances of a simulation share one Network object: resolve its links once (the arrays are
        // never written after this).
        NetworkArrays na = null;
        if (sharedMemo != null && sharedMemo.get(NetworkArrays.class.getName()) instanceof NetworkArrays cached && cached.network() == in.network())
            na = cached;
        if (na == null) {
            na = resolve(in, nodeIndex, n);
            if (sharedMemo != null) sharedMemo.put(NetworkArrays.class.getName(), na);
        }
        bandwidth = na.bandwidth();
        latency = na.latency();
        Map<String, Integer> modelIndex = new HashMap<>();
        modelData = new ModelData[in.models().size()];
        for (int m = 0; m < modelData.length; m++) modelIndex.put(in.models().get(m).name(), m);
        // Only models some task uses are compiled: every accessor reaches a model through a task.
        for (Task task : in.tasks()) {
            int m = modelIndex.get(task.model());
            if (modelData[m] == null) modelData[m] = compileModel(in, in.models().get(m));
        }
        tasks = new TaskData[in.tasks().size()];
        for (int t = 0; t < tasks.length; t++) {
            Task task = in.tasks().get(t);
            boolean[] eligible = new boolean[n];
            int origin = nodeIndex.get(task.origin());
            if (task.allowedNodes() != null) {
                for (String a : task.allowedNodes()) eligible[nodeIndex.get(a)] = true;
            } else {
                for (int i = 0; i < n; i++) eligible[i] = i == origin || nodeKinds[i] != NodeKind.DEVICE;
            }
            tasks[t] = new TaskData(task, modelIndex.get(task.model()), origin,
                    Ticks.of(task.release(), in.timeUnit()), eligible);
            taskIndex.put(task.name(), t);
        }
    }

    private record NetworkArrays(Network network, double[][] bandwidth, double[][] latency) {}

    /** Defaults first, then each link in order (the last one given wins, as Network.link says): one pass over the links. */
    private static NetworkArrays resolve(Instance in, Map<String, Integer> nodeIndex, int n) {
        double[][] bandwidth = new double[n][n];
        double[][] latency = new double[n][n];
        Network net = in.network();
        double defaultBw = net.defaultBandwidth() == null ? Double.NaN : net.defaultBandwidth();
        for (int p = 0; p < n; p++) {
            Arrays.fill(bandwidth[p], defaultBw);
            Arrays.fill(latency[p], net.defaultLatency());
        }
        for (Link l : net.links()) {
            Integer p = nodeIndex.get(l.from()), q = nodeIndex.get(l.to());
            if (p == null || q == null || p.equals(q)) continue; // InstanceChecks refuses these
            if (l.bandwidth() != null) bandwidth[p][q] = l.bandwidth();
            if (l.latency() != null) latency[p][q] = l.latency();
        }
        for (int p = 0; p < n; p++) {
            bandwidth[p][p] = 0;
            latency[p][p] = 0;
        }
        return new NetworkArrays(net, bandwidth, latency);
    }

    private ModelData compileModel(Instance in, DnnModel model) {
        int L = model.layerCount();
        Map<String, Integer> layerIndex = new HashMap<>();
        for (int l = 0; l < L; l++) layerIndex.put(model.layers().get(l).name(), l);
        int[][] preds = new int[L][];
        List<List<Integer>> succ = new ArrayList<>();
        for (int l = 0; l < L; l++) succ.add(new ArrayList<>());
        for (int l = 0; l < L; l++) {
            List<String> ins = model.layers().get(l).inputs();
            preds[l] = new int[ins.size()];
            for (int i = 0; i < ins.size(); i++) {
                preds[l][i] = layerIndex.get(ins.get(i));
                succ.get(preds[l][i]).add(l);
            }
        }
        int[][] succs = new int[L][];
        boolean[] output = new boolean[L];
        for (int l = 0; l < L; l++) {
            succs[l] = succ.get(l).stream().mapToInt(Integer::intValue).toArray();
            output[l] = succs[l].length == 0;
        }
        int n = nodeNames.length;
        long[][] proc = new long[L][n];
        double[][] seconds = new double[L][n];
        for (int i = 0; i < n; i++) {
            Node node = in.nodes().get(i);
            Profile profile = null;
            for (Profile pr : in.profiles())
                if (pr.model().equals(model.name()) && pr.node().equals(node.name())) profile = pr;
            for (int l = 0; l < L; l++) {
                if (profile != null) {
                    Double s = profile.layerSeconds().get(l);
                    seconds[l][i] = s == null ? Double.NaN : node.slowdown() * s;
                    proc[l][i] = s == null ? CANNOT_RUN : Ticks.of(seconds[l][i], in.timeUnit());
                } else {
                    seconds[l][i] = node.slowdown() * model.layers().get(l).flops() / node.speed();
                    proc[l][i] = Ticks.of(seconds[l][i], in.timeUnit());
                }
            }
        }
        return new ModelData(model, preds, succs, output, proc, seconds, layerIndex);
    }

    /** Compiles without checking; use {@link Instance#compile()} unless the instance is known valid. */
    static CompiledInstance of(Instance in) { return new CompiledInstance(in, null); }

    static CompiledInstance of(Instance in, Map<String, Object> sharedMemo) { return new CompiledInstance(in, sharedMemo); }

    /**
     * A memo shared by compiled instances with the same nodes, network, models and time unit (a simulation's
     * residual instances, {@link Instance#compileDerived(Map)}), where backends may keep what depends on those
     * alone (e.g. transfer ticks per model cut) across decisions; null for an ordinary instance. Single-threaded.
     */
    public Map<String, Object> sharedMemo() { return sharedMemo; }

    public Instance source() { return source; }

    public String name() { return source.name(); }

    public Objective objective() { return source.objective(); }

    public Granularity granularity() { return source.granularity(); }

    public Contention contention() { return source.contention(); }

    public double timeUnit() { return source.timeUnit(); }

    // ---- nodes

    public int nodeCount() { return nodeNames.length; }

    public String nodeName(int node) { return nodeNames[node]; }

    public NodeKind nodeKind(int node) { return nodeKinds[node]; }

    /** Index of the node, or -1. */
    public int nodeIndex(String name) { return nodeIndex.getOrDefault(name, -1); }

    public long availableAt(int node) { return availableAt[node]; }

    /** Bandwidth p → q in bytes/s (p ≠ q), defaults and links resolved. */
    public double bandwidth(int p, int q) { return bandwidth[p][q]; }

    /** Latency p → q in seconds (p ≠ q), defaults and links resolved. */
    public double latency(int p, int q) { return latency[p][q]; }

    /** Ticks of a transfer of {@code bytes} from p to q: {@code latency + bytes / bandwidth}, 0 when p == q. */
    public long transfer(double bytes, int p, int q) {
        if (p == q) return 0;
        return Ticks.of(latency[p][q] + bytes / bandwidth[p][q], source.timeUnit());
    }

    // ---- fluctuations (docs/model.md §8)

    /** Whether some node's speed or network changes over time; then durations depend on start ticks. */
    public boolean fluctuating() { return fluctuating; }

    /** The compute factor of the node in force at the tick (1 without fluctuations). */
    public double computeFactor(int node, long tick) { return computeSteps[node].at(tick); }

    /** The link factor of the node in force at the tick (1 without fluctuations). */
    public double linkFactor(int node, long tick) { return linkSteps[node].at(tick); }

    /**
     * Ticks of the layer on the node when it starts at {@code start}: {@link #proc} with the seconds stretched
     * by the node's compute factor at {@code start} (docs/model.md §8); exactly {@code proc} at factor 1.
     */
    public long procAt(int t, int layer, int node, long start) {
        long p = proc(t, layer, node);
        if (p == CANNOT_RUN || !fluctuating) return p;
        double f = computeFactor(node, start);
        return f == 1.0 ? p : Ticks.of(f * modelData[tasks[t].model()].procSeconds()[layer][node], source.timeUnit());
    }

    /**
     * Ticks of a transfer that starts at {@code start}: {@code latency + f × bytes / bandwidth} with f the larger
     * link factor of its two ends at {@code start} (docs/model.md §8); exactly {@link #transfer} at f = 1.
     */
    public long transferAt(double bytes, int p, int q, long start) {
        if (p == q || !fluctuating) return transfer(bytes, p, q);
        double f = Math.max(linkFactor(p, start), linkFactor(q, start));
        return f == 1.0 ? transfer(bytes, p, q) : Ticks.of(latency[p][q] + f * (bytes / bandwidth[p][q]), source.timeUnit());
    }

    /** The ticks at which some node's compute or link factor changes, ascending, without duplicates. */
    public long[] fluctuationTicks() {
        java.util.TreeSet<Long> all = new java.util.TreeSet<>();
        for (Steps s : computeSteps) for (long a : s.at()) all.add(a);
        for (Steps s : linkSteps) for (long a : s.at()) all.add(a);
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    // ---- tasks

    public int taskCount() { return tasks.length; }

    public Task task(int t) { return tasks[t].task(); }

    public String taskName(int t) { return tasks[t].task().name(); }

    /** Index of the task, or -1. */
    public int taskIndex(String name) { return taskIndex.getOrDefault(name, -1); }

    public int origin(int t) { return tasks[t].origin(); }

    public long release(int t) { return tasks[t].release(); }

    /** Task indices by release tick, ties by index: first come, first served (every backend's one FCFS order). */
    public int[] tasksByRelease() {
        Integer[] order = new Integer[tasks.length];
        for (int t = 0; t < order.length; t++) order[t] = t;
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingLong(this::release).thenComparingInt(t -> t));
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** Per task, its position in {@link #tasksByRelease()} (0 first). */
    public int[] releaseRank() {
        int[] order = tasksByRelease(), rank = new int[order.length];
        for (int i = 0; i < order.length; i++) rank[order[i]] = i;
        return rank;
    }

    public double weight(int t) { return tasks[t].task().weight(); }

    public DnnModel model(int t) { return modelData[tasks[t].model()].model(); }

    /** Index of the task's model in {@code source().models()}; tasks sharing a model share structure. */
    public int modelIndex(int t) { return tasks[t].model(); }

    public int layerCount(int t) { return modelData[tasks[t].model()].preds().length; }

    public String layerName(int t, int layer) { return model(t).layers().get(layer).name(); }

    /** Index of the layer in the task's model, or -1. */
    public int layerIndex(int t, String layerName) {
        return modelData[tasks[t].model()].layerIndex().getOrDefault(layerName, -1);
    }

    /** Predecessor layers (indices); empty when the layer reads the model input. Do not modify. */
    public int[] preds(int t, int layer) { return modelData[tasks[t].model()].preds()[layer]; }

    /** Successor layers (indices). Do not modify. */
    public int[] succs(int t, int layer) { return modelData[tasks[t].model()].succs()[layer]; }

    public boolean readsInput(int t, int layer) { return preds(t, layer).length == 0; }

    public boolean isOutput(int t, int layer) { return modelData[tasks[t].model()].output()[layer]; }

    public double inputBytes(int t) { return model(t).inputBytes(); }

    public double outputBytes(int t, int layer) { return model(t).layers().get(layer).outputBytes(); }

    /** Bytes of a tensor: the model input for {@code tensor == -1}, otherwise the layer's output. */
    public double tensorBytes(int t, int tensor) { return tensor < 0 ? inputBytes(t) : outputBytes(t, tensor); }

    /** Whether the task may use the node at all (its eligibility set, docs/model.md §1). */
    public boolean eligible(int t, int node) { return tasks[t].eligible()[node]; }

    /**
     * Ticks to run the layer on the node, or {@link #CANNOT_RUN} when the node is not eligible for the task
     * or a profile marks the layer null there.
     */
    public long proc(int t, int layer, int node) {
        if (!tasks[t].eligible()[node]) return CANNOT_RUN;
        return modelData[tasks[t].model()].proc()[layer][node];
    }

    public boolean canRun(int t, int layer, int node) { return proc(t, layer, node) != CANNOT_RUN; }

    /** The nodes the layer can run on, ascending. */
    public int[] nodesFor(int t, int layer) {
        return java.util.stream.IntStream.range(0, nodeNames.length).filter(n -> canRun(t, layer, n)).toArray();
    }

    public int totalLayers() {
        int s = 0;
        for (int t = 0; t < tasks.length; t++) s += layerCount(t);
        return s;
    }

    /** Σ over all layers of the nodes each may run on: the size of a placement model (backends pick strategies by it). */
    public long placementChoices() {
        long c = 0;
        for (int t = 0; t < tasks.length; t++)
            for (int l = 0; l < layerCount(t); l++) c += nodesFor(t, l).length;
        return c;
    }

    /** Ticks to seconds. */
    public double seconds(double ticks) { return ticks * source.timeUnit(); }

    @Override
    public String toString() {
        return "CompiledInstance[" + name() + ": " + tasks.length + " tasks, " + nodeNames.length + " nodes, "
                + totalLayers() + " layers, " + Arrays.toString(new Object[]{objective(), granularity(), contention()}) + "]";
    }
}
