package io.edgesplit.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every semantic rule of docs/model.md §1 in one place. The file reader checks shapes and types and then calls
 * this; code that builds instances calls it through {@link Instance#compile()}. Errors name the JSON path
 * the offending value has (or would have) in the instance file.
 */
public final class InstanceChecks {
    private InstanceChecks() {}

    public static void check(Instance in) {
        if (in.name().isBlank()) throw err("name", "must not be empty");
        finitePositive(in.timeUnit(), "timeUnit");
        if (in.models().isEmpty()) throw err("models", "expected at least one model, got an empty list");
        if (in.nodes().isEmpty()) throw err("nodes", "expected at least one node, got an empty list");
        if (in.tasks().isEmpty()) throw err("tasks", "expected at least one task, got an empty list");

        Map<String, DnnModel> models = new HashMap<>();
        for (int m = 0; m < in.models().size(); m++) {
            DnnModel model = in.models().get(m);
            String p = "models[" + m + "]";
            if (models.put(model.name(), model) != null)
                throw err(p + ".name", "duplicate model name \"" + model.name() + "\"");
            checkModel(model, p);
        }

        Map<String, Node> nodes = new HashMap<>();
        for (int n = 0; n < in.nodes().size(); n++) {
            Node node = in.nodes().get(n);
            String p = "nodes[" + n + "]";
            if (node.name().isBlank()) throw err(p + ".name", "must not be empty");
            if (nodes.put(node.name(), node) != null)
                throw err(p + ".name", "duplicate node name \"" + node.name() + "\"");
            finitePositive(node.speed(), p + ".speed");
            finiteNonNegative(node.availableAt(), p + ".availableAt");
            if (!Double.isFinite(node.slowdown()) || node.slowdown() < 1)
                throw err(p + ".slowdown", "expected a finite number >= 1, got " + node.slowdown());
        }

        checkNetwork(in, nodes);
        checkFluctuations(in, nodes);

        Set<String> profileKeys = new HashSet<>();
        for (int i = 0; i < in.profiles().size(); i++) {
            Profile pr = in.profiles().get(i);
            String p = "profiles[" + i + "]";
            DnnModel model = models.get(pr.model());
            if (model == null) throw err(p + ".model", "unknown model \"" + pr.model() + "\"" + known(models.keySet()));
            if (!nodes.containsKey(pr.node()))
                throw err(p + ".node", "unknown node \"" + pr.node() + "\"" + known(nodes.keySet()));
            if (!profileKeys.add(pr.model() + "\u0000" + pr.node()))
                throw err(p, "duplicate profile for model \"" + pr.model() + "\" on node \"" + pr.node() + "\"");
            if (pr.layerSeconds().size() != model.layerCount())
                throw err(p + ".layerSeconds", "expected " + model.layerCount() + " entries (one per layer of \""
                        + model.name() + "\"), got " + pr.layerSeconds().size());
            for (int l = 0; l < pr.layerSeconds().size(); l++) {
                Double s = pr.layerSeconds().get(l);
                if (s != null) finiteNonNegative(s, p + ".layerSeconds[" + l + "]");
            }
        }

        Set<String> taskNames = new HashSet<>();
        for (int t = 0; t < in.tasks().size(); t++) {
            Task task = in.tasks().get(t);
            String p = "tasks[" + t + "]";
            if (task.name().isBlank()) throw err(p + ".name", "must not be empty");
            if (!taskNames.add(task.name())) throw err(p + ".name", "duplicate task name \"" + task.name() + "\"");
            DnnModel model = models.get(task.model());
            if (model == null) throw err(p + ".model", "unknown model \"" + task.model() + "\"" + known(models.keySet()));
            if (!nodes.containsKey(task.origin()))
                throw err(p + ".origin", "unknown node \"" + task.origin() + "\"" + known(nodes.keySet()));
            finiteNonNegative(task.release(), p + ".release");
            finiteNonNegative(task.weight(), p + ".weight");
            List<String> eligible;
            if (task.allowedNodes() != null) {
                if (task.allowedNodes().isEmpty())
                    throw err(p + ".allowedNodes", "expected at least one node name, got an empty list (omit the field for the default)");
                Set<String> seen = new HashSet<>();
                for (int a = 0; a < task.allowedNodes().size(); a++) {
                    String n = task.allowedNodes().get(a);
                    if (!nodes.containsKey(n))
                        throw err(p + ".allowedNodes[" + a + "]", "unknown node \"" + n + "\"" + known(nodes.keySet()));
                    if (!seen.add(n)) throw err(p + ".allowedNodes[" + a + "]", "duplicate node \"" + n + "\"");
                }
                eligible = task.allowedNodes();
            } else {
                eligible = new ArrayList<>();
                for (Node n : in.nodes())
                    if (n.name().equals(task.origin()) || n.kind() != NodeKind.DEVICE) eligible.add(n.name());
            }
            for (int l = 0; l < model.layerCount(); l++) {
                boolean runs = false;
                for (String n : eligible) if (canRun(in, model.name(), n, l)) { runs = true; break; }
                if (!runs)
                    throw err(p, "layer \"" + model.layers().get(l).name() + "\" of model \"" + model.name()
                            + "\" cannot run on any eligible node " + eligible
                            + " (profiles mark it null there); allow another node with allowedNodes");
            }
        }
        InstanceRanges.check(in);
    }

    /** True when layer {@code l} of the model may run on the node (no profile, or a non-null profile entry). */
    private static boolean canRun(Instance in, String model, String node, int l) {
        for (Profile pr : in.profiles())
            if (pr.model().equals(model) && pr.node().equals(node)) return pr.layerSeconds().get(l) != null;
        return true;
    }

    private static void checkModel(DnnModel model, String p) {
        if (model.name().isBlank()) throw err(p + ".name", "must not be empty");
        finiteNonNegative(model.inputBytes(), p + ".inputBytes");
        if (model.layers().isEmpty())
            throw err(p + ".layers", "model \"" + model.name() + "\" has no layers; expected at least one");
        Map<String, Integer> index = new HashMap<>();
        for (int l = 0; l < model.layerCount(); l++) {
            String name = model.layers().get(l).name();
            if (!index.containsKey(name)) index.put(name, l);
        }
        Set<String> seen = new HashSet<>();
        for (int l = 0; l < model.layerCount(); l++) {
            Layer layer = model.layers().get(l);
            String lp = p + ".layers[" + l + "]";
            if (layer.name().isBlank()) throw err(lp + ".name", "must not be empty");
            if (layer.name().equals("input"))
                throw err(lp + ".name", "the layer name \"input\" is reserved for the model-input tensor; rename the layer");
            if (!seen.add(layer.name())) throw err(lp + ".name", "duplicate layer name \"" + layer.name() + "\"");
            finiteNonNegative(layer.flops(), lp + ".flops");
            finiteNonNegative(layer.outputBytes(), lp + ".outputBytes");
            finiteNonNegative(layer.paramBytes(), lp + ".paramBytes");
            Set<String> ins = new HashSet<>();
            for (int i = 0; i < layer.inputs().size(); i++) {
                String in = layer.inputs().get(i);
                String ip = lp + ".inputs[" + i + "]";
                Integer at = index.get(in);
                if (at == null) throw err(ip, "unknown layer \"" + in + "\" in model \"" + model.name() + "\"");
                if (at == l) throw err(ip, "layer \"" + in + "\" reads its own output (a cycle)");
                if (at > l)
                    throw err(ip, "layer \"" + layer.name() + "\" reads \"" + in + "\", which comes later in the list: "
                            + "layers must be listed in a topological order (a cycle, or reorder the layers)");
                if (!ins.add(in)) throw err(ip, "duplicate input \"" + in + "\"");
            }
        }
    }

    private static void checkNetwork(Instance in, Map<String, Node> nodes) {
        Network net = in.network();
        if (net.defaultBandwidth() != null) finitePositive(net.defaultBandwidth(), "network.default.bandwidth");
        finiteNonNegative(net.defaultLatency(), "network.default.latency");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < net.links().size(); i++) {
            Link l = net.links().get(i);
            String p = "network.links[" + i + "]";
            if (!nodes.containsKey(l.from())) throw err(p + ".from", "unknown node \"" + l.from() + "\"" + known(nodes.keySet()));
            if (!nodes.containsKey(l.to())) throw err(p + ".to", "unknown node \"" + l.to() + "\"" + known(nodes.keySet()));
            if (l.from().equals(l.to()))
                throw err(p, "a link from \"" + l.from() + "\" to itself; transfers on one node cost nothing");
            if (!pairs.add(l.from() + "\u0000" + l.to()))
                throw err(p, "duplicate link " + l.from() + " -> " + l.to());
            if (l.bandwidth() != null) finitePositive(l.bandwidth(), p + ".bandwidth");
            if (l.latency() != null) finiteNonNegative(l.latency(), p + ".latency");
        }
        if (net.defaultBandwidth() == null) {
            for (Node a : in.nodes())
                for (Node b : in.nodes())
                    if (!a.name().equals(b.name()) && net.bandwidth(a.name(), b.name()) == null)
                        throw err("network.default.bandwidth", "required: no link gives the bandwidth of "
                                + a.name() + " -> " + b.name());
        }
    }

    /** docs/model.md §8: each node at most once, steps at strictly increasing times ≥ 0, factors ≥ 1. */
    private static void checkFluctuations(Instance in, Map<String, Node> nodes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.fluctuations().size(); i++) {
            Fluctuation f = in.fluctuations().get(i);
            String p = "fluctuations[" + i + "]";
            if (!nodes.containsKey(f.node()))
                throw err(p + ".node", "unknown node \"" + f.node() + "\"" + known(nodes.keySet()));
            if (!seen.add(f.node()))
                throw err(p + ".node", "node \"" + f.node() + "\" has two fluctuation entries; merge their steps into one");
            checkSteps(f.compute(), p + ".compute", in.timeUnit());
            checkSteps(f.link(), p + ".link", in.timeUnit());
        }
    }

    /** A node 1000× slower than nominal is down for any DNN; larger factors only risk overflowing ticks. */
    static final double MAX_FACTOR = 1000;
    /** One year: far beyond any simulated horizon, and well inside the tick range at any time unit ≥ 1 ns. */
    static final double MAX_STEP_SECONDS = 3.2e7;

    private static void checkSteps(List<Fluctuation.Step> steps, String p, double timeUnit) {
        double last = -1;
        long lastTick = -1;
        for (int k = 0; k < steps.size(); k++) {
            Fluctuation.Step st = steps.get(k);
            finiteNonNegative(st.at(), p + "[" + k + "][0]");
            if (st.at() <= last)
                throw err(p + "[" + k + "][0]", "step times must increase strictly, got " + st.at() + " after " + last);
            last = st.at();
            if (!Double.isFinite(st.factor()) || st.factor() < 1 || st.factor() > MAX_FACTOR)
                throw err(p + "[" + k + "][1]", "expected a factor in [1, " + (int) MAX_FACTOR + "] (1 = nominal speed), got " + st.factor());
            if (st.at() > MAX_STEP_SECONDS)
                throw err(p + "[" + k + "][0]", "a step at " + st.at() + " s is later than any schedule can reach; use at most " + MAX_STEP_SECONDS + " s");
            long tick = Ticks.of(st.at(), timeUnit);
            if (tick <= lastTick)
                throw err(p + "[" + k + "][0]", "steps at " + last + " s and " + st.at() + " s fall in the same tick of " + timeUnit + " s; merge them");
            lastTick = tick;
        }
    }

    private static String known(Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.sort(sorted);
        if (sorted.size() > 12) sorted = sorted.subList(0, 12);
        return " (known: " + String.join(", ", sorted) + (names.size() > 12 ? ", ..." : "") + ")";
    }

    private static void finitePositive(double v, String path) {
        if (!Double.isFinite(v) || v <= 0) throw err(path, "expected a finite number > 0, got " + v);
    }

    private static void finiteNonNegative(double v, String path) {
        if (!Double.isFinite(v) || v < 0) throw err(path, "expected a finite number >= 0, got " + v);
    }

    private static InvalidInputException err(String path, String msg) { return new InvalidInputException(path, msg); }
}
