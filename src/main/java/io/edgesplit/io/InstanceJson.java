package io.edgesplit.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.model.BestKnown;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Fluctuation;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.JsonName;
import io.edgesplit.model.InstanceChecks;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;
import io.edgesplit.zoo.ModelZoo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and writes instance files (docs/formats.md §1). Reading is strict: unknown fields, missing fields, wrong
 * types and every rule of {@link InstanceChecks} fail with the file and the JSON path. Reading what
 * {@link #write} wrote gives an equal {@link Instance}.
 */
public final class InstanceJson {
    private InstanceJson() {}

    public static Instance read(Path file) {
        try {
            return fromTree(Json.readTree(file), ModelZoo::get);
        } catch (InvalidInputException e) {
            return rethrow(e, file.toString());
        }
    }

    public static Instance parse(String json) { return fromTree(Json.parse(json, "<string>"), ModelZoo::get); }

    private static Instance rethrow(InvalidInputException e, String file) {
        throw e.file() == null ? e.inFile(file) : e;
    }

    /**
     * @param zoo resolves {@code {"zoo": NAME}} model references; throws IllegalArgumentException for an
     *            unknown name
     */
    public static Instance fromTree(JsonNode root, Function<String, DnnModel> zoo) {
        JsonObj o = JsonObj.of(root, "");
        String name = o.string("name");
        double timeUnit = o.optNumber("timeUnit", Instance.DEFAULT_TIME_UNIT);
        Objective objective = o.has("objective")
                ? JsonObj.enumValue(o.string("objective"), "objective", Objective::fromJson, JsonName.choices(Objective.class))
                : Objective.MAKESPAN;
        Granularity granularity = o.has("granularity")
                ? JsonObj.enumValue(o.string("granularity"), "granularity", Granularity::fromJson, JsonName.choices(Granularity.class))
                : Granularity.SEGMENT;
        Contention contention = o.has("contention")
                ? JsonObj.enumValue(o.string("contention"), "contention", Contention::fromJson, JsonName.choices(Contention.class))
                : Contention.INGRESS;
        List<DnnModel> models = o.list("models", (n, p) -> readModelEntry(n, p, zoo));
        List<Node> nodes = o.list("nodes", InstanceJson::readNode);
        Network network = readNetwork(o.object("network"));
        List<Profile> profiles = o.has("profiles") ? o.list("profiles", InstanceJson::readProfile) : List.of();
        List<Task> tasks = o.list("tasks", InstanceJson::readTask);
        BestKnown best = null;
        if (o.has("bestKnown")) {
            JsonObj b = o.object("bestKnown");
            best = new BestKnown(b.number("objective"), b.optString("source", null));
            b.done();
            if (!Double.isFinite(best.objective()) || best.objective() < 0)
                throw new InvalidInputException("bestKnown.objective", "expected a finite number >= 0, got " + best.objective());
        }
        List<Fluctuation> fluctuations = o.has("fluctuations") ? o.list("fluctuations", InstanceJson::readFluctuation) : List.of();
        o.done();
        Instance in = new Instance(name, timeUnit, objective, granularity, contention, models, nodes, network, profiles, tasks, best, fluctuations);
        InstanceChecks.check(in);
        return in;
    }

    private static DnnModel readModelEntry(JsonNode n, String p, Function<String, DnnModel> zoo) {
        JsonObj m = JsonObj.of(n, p);
        if (m.has("zoo")) {
            String zooName = m.string("zoo");
            m.done();
            try {
                return zoo.apply(zooName).asZooReference();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(p + ".zoo", e.getMessage());
            }
        }
        return readModel(m);
    }

    /** Reads a model object as in {@code models[i]} or a {@code datasets/models/*.json} file. */
    public static DnnModel readModel(JsonNode n, String path) { return readModel(JsonObj.of(n, path)); }

    private static DnnModel readModel(JsonObj m) {
        String name = m.string("name");
        double inputBytes = m.number("inputBytes");
        List<Layer> layers = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        m.list("layers", (ln, lp) -> {
            JsonObj l = JsonObj.of(ln, lp);
            String lname = l.string("name");
            double flops = l.number("flops");
            double out = l.number("outputBytes");
            double params = l.optNumber("paramBytes", 0.0);
            List<String> inputs = l.has("inputs") ? l.stringList("inputs")
                    : previous.isEmpty() ? List.of() : List.of(previous.get(previous.size() - 1));
            l.done();
            previous.add(lname);
            layers.add(new Layer(lname, flops, out, params, inputs));
            return null;
        });
        m.done();
        return new DnnModel(name, inputBytes, layers);
    }

    private static Node readNode(JsonNode n, String p) {
        JsonObj o = JsonObj.of(n, p);
        String name = o.string("name");
        NodeKind kind = JsonObj.enumValue(o.string("kind"), o.child("kind"), NodeKind::fromJson, JsonName.choices(NodeKind.class));
        Node node = new Node(name, kind, o.number("speed"), o.optNumber("availableAt", 0.0), o.optNumber("slowdown", 1.0));
        o.done();
        return node;
    }

    private static Fluctuation readFluctuation(JsonNode n, String p) {
        JsonObj o = JsonObj.of(n, p);
        String node = o.string("node");
        List<Fluctuation.Step> compute = o.has("compute") ? o.list("compute", InstanceJson::readStep) : List.of();
        List<Fluctuation.Step> link = o.has("link") ? o.list("link", InstanceJson::readStep) : List.of();
        o.done();
        return new Fluctuation(node, compute, link);
    }

    /** A step is written {@code [atSeconds, factor]}. */
    private static Fluctuation.Step readStep(JsonNode n, String p) {
        if (n == null || !n.isArray() || n.size() != 2)
            throw new InvalidInputException(p, "expected a pair [atSeconds, factor], got " + (n == null ? "nothing" : n.toString()));
        return new Fluctuation.Step(JsonObj.number(n.get(0), p + "[0]"), JsonObj.number(n.get(1), p + "[1]"));
    }

    private static Network readNetwork(JsonObj o) {
        Double bw = null;
        double lat = 0.0;
        if (o.has("default")) {
            JsonObj d = o.object("default");
            bw = d.optNumberOrNull("bandwidth");
            lat = d.optNumber("latency", 0.0);
            d.done();
        }
        List<Link> links = o.has("links") ? o.list("links", (n, p) -> {
            JsonObj l = JsonObj.of(n, p);
            Link link = new Link(l.string("from"), l.string("to"), l.optNumberOrNull("bandwidth"), l.optNumberOrNull("latency"));
            l.done();
            return link;
        }) : List.of();
        o.done();
        return new Network(bw, lat, links);
    }

    private static Profile readProfile(JsonNode n, String p) {
        JsonObj o = JsonObj.of(n, p);
        String model = o.string("model");
        String node = o.string("node");
        List<Double> secs = o.list("layerSeconds", (v, vp) -> v.isNull() ? null : JsonObj.number(v, vp));
        o.done();
        return new Profile(model, node, secs);
    }

    private static Task readTask(JsonNode n, String p) {
        JsonObj o = JsonObj.of(n, p);
        Task t = new Task(o.string("name"), o.string("model"), o.string("origin"), o.optNumber("release", 0.0),
                o.optNumber("weight", 1.0), o.has("allowedNodes") ? o.stringList("allowedNodes") : null);
        o.done();
        return t;
    }

    // ------------------------------------------------------------------ writing

    private static void writeSteps(ArrayNode a, List<Fluctuation.Step> steps) {
        for (Fluctuation.Step st : steps) {
            ArrayNode pair = a.addArray();
            pair.add(st.at());
            pair.add(st.factor());
        }
    }

    public static ObjectNode toTree(Instance in) {
        ObjectNode o = Json.object();
        o.put("name", in.name());
        o.put("timeUnit", in.timeUnit());
        o.put("objective", in.objective().json());
        o.put("granularity", in.granularity().json());
        o.put("contention", in.contention().json());
        ArrayNode models = o.putArray("models");
        for (DnnModel m : in.models()) {
            if (m.zoo() != null) models.addObject().put("zoo", m.zoo());
            else models.add(modelToTree(m));
        }
        ArrayNode nodes = o.putArray("nodes");
        for (Node n : in.nodes()) {
            ObjectNode j = nodes.addObject();
            j.put("name", n.name());
            j.put("kind", n.kind().json());
            Json.put(j, "speed", n.speed());
            if (n.availableAt() != 0.0) Json.put(j, "availableAt", n.availableAt());
            if (n.slowdown() != 1.0) Json.put(j, "slowdown", n.slowdown());
        }
        ObjectNode net = o.putObject("network");
        ObjectNode def = net.putObject("default");
        if (in.network().defaultBandwidth() != null) Json.put(def, "bandwidth", in.network().defaultBandwidth());
        Json.put(def, "latency", in.network().defaultLatency());
        if (!in.network().links().isEmpty()) {
            ArrayNode links = net.putArray("links");
            for (Link l : in.network().links()) {
                ObjectNode j = links.addObject();
                j.put("from", l.from());
                j.put("to", l.to());
                if (l.bandwidth() != null) Json.put(j, "bandwidth", l.bandwidth());
                if (l.latency() != null) Json.put(j, "latency", l.latency());
            }
        }
        if (!in.profiles().isEmpty()) {
            ArrayNode profiles = o.putArray("profiles");
            for (Profile p : in.profiles()) {
                ObjectNode j = profiles.addObject();
                j.put("model", p.model());
                j.put("node", p.node());
                ArrayNode secs = j.putArray("layerSeconds");
                for (Double s : p.layerSeconds()) {
                    if (s == null) secs.addNull();
                    else secs.add(s);
                }
            }
        }
        ArrayNode tasks = o.putArray("tasks");
        for (Task t : in.tasks()) {
            ObjectNode j = tasks.addObject();
            j.put("name", t.name());
            j.put("model", t.model());
            j.put("origin", t.origin());
            Json.put(j, "release", t.release());
            if (t.weight() != 1.0) Json.put(j, "weight", t.weight());
            if (t.allowedNodes() != null) {
                ArrayNode a = j.putArray("allowedNodes");
                t.allowedNodes().forEach(a::add);
            }
        }
        if (in.fluctuating()) {
            ArrayNode fl = o.putArray("fluctuations");
            for (Fluctuation f : in.fluctuations()) {
                ObjectNode j = fl.addObject();
                j.put("node", f.node());
                if (!f.compute().isEmpty()) writeSteps(j.putArray("compute"), f.compute());
                if (!f.link().isEmpty()) writeSteps(j.putArray("link"), f.link());
            }
        }
        if (in.bestKnown() != null) {
            ObjectNode b = o.putObject("bestKnown");
            b.put("objective", in.bestKnown().objective());
            if (in.bestKnown().source() != null) b.put("source", in.bestKnown().source());
        }
        return o;
    }

    /** A model as an object of {@code models}; {@code inputs} omitted where the chain default gives it. */
    public static ObjectNode modelToTree(DnnModel m) {
        ObjectNode j = Json.object();
        j.put("name", m.name());
        Json.put(j, "inputBytes", m.inputBytes());
        ArrayNode layers = j.putArray("layers");
        String prev = null;
        for (Layer l : m.layers()) {
            ObjectNode lj = layers.addObject();
            lj.put("name", l.name());
            Json.put(lj, "flops", l.flops());
            Json.put(lj, "outputBytes", l.outputBytes());
            Json.put(lj, "paramBytes", l.paramBytes());
            List<String> chainDefault = prev == null ? List.of() : List.of(prev);
            if (!l.inputs().equals(chainDefault)) {
                ArrayNode ins = lj.putArray("inputs");
                l.inputs().forEach(ins::add);
            }
            prev = l.name();
        }
        return j;
    }

    public static String write(Instance in) { return Json.pretty(toTree(in)); }

    public static void write(Instance in, Path file) throws IOException { Json.writeAtomically(file, write(in)); }
}
