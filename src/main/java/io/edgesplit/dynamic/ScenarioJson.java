package io.edgesplit.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgesplit.dynamic.Scenario.Arrivals;
import io.edgesplit.dynamic.Scenario.Background;
import io.edgesplit.dynamic.Scenario.Bursty;
import io.edgesplit.dynamic.Scenario.DeadlineRule;
import io.edgesplit.dynamic.Scenario.Decisions;
import io.edgesplit.dynamic.Scenario.Dispatch;
import io.edgesplit.dynamic.Scenario.LoadPattern;
import io.edgesplit.dynamic.Scenario.MixEntry;
import io.edgesplit.dynamic.Scenario.Poisson;
import io.edgesplit.dynamic.Scenario.Steady;
import io.edgesplit.dynamic.Scenario.Steps;
import io.edgesplit.dynamic.Scenario.Trace;
import io.edgesplit.dynamic.Scenario.TraceRow;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files (docs/dynamic.md §2). Strict like every reader: unknown fields, wrong types and
 * impossible values fail with the file and the JSON path. Relative paths (topology, trace) are resolved
 * against the scenario file's directory.
 */
public final class ScenarioJson {
    private ScenarioJson() {}

    /** The most requests one scenario may ask for (memory: a trace of ~30 units per request is kept). */
    public static final int MAX_REQUESTS = 1_000_000;

    public static Scenario read(Path file) {
        try {
            return fromTree(Json.readTree(file), file.toAbsolutePath().getParent());
        } catch (InvalidInputException e) {
            throw e.file() == null ? e.inFile(file.toString()) : e;
        }
    }

    public static Scenario fromTree(JsonNode root, Path dir) {
        JsonObj o = JsonObj.of(root, "");
        String name = o.string("name");
        if (name.isBlank()) throw new InvalidInputException("name", "must not be empty");
        String topologyPath = o.string("topology");
        Instance topology;
        try {
            topology = InstanceJson.read(dir.resolve(topologyPath));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("topology", "the topology instance is not valid: " + e.getMessage());
        }
        Arrivals arrivals = readArrivals(o.object("arrivals"), dir);
        int requests;
        if (arrivals instanceof Trace t) {
            if (o.has("requests")) throw new InvalidInputException("requests", "trace arrivals decide the number of requests; remove \"requests\"");
            requests = t.rows().size();
        } else {
            long r = o.integer("requests");
            if (r < 1 || r > MAX_REQUESTS) throw new InvalidInputException("requests", "expected an integer in 1.." + MAX_REQUESTS + ", got " + r);
            requests = (int) r;
        }
        List<MixEntry> mix = o.has("mix") ? o.list("mix", (n, p) -> {
            JsonObj m = JsonObj.of(n, p);
            MixEntry e = new MixEntry(m.string("model"), m.optNumber("weight", 1.0));
            m.done();
            if (topology.model(e.model()).isEmpty())
                throw new InvalidInputException(p + ".model", "the topology has no model \"" + e.model() + "\"; it has " + modelNames(topology));
            if (!(e.weight() > 0) || !Double.isFinite(e.weight()))
                throw new InvalidInputException(p + ".weight", "expected a finite number > 0, got " + e.weight());
            return e;
        }) : topology.models().stream().map(m -> new MixEntry(m.name(), 1.0)).toList();
        if (mix.isEmpty()) throw new InvalidInputException("mix", "expected at least one model");
        List<String> origins = o.has("origins") ? o.stringList("origins")
                : topology.nodes().stream().filter(n -> n.kind() == NodeKind.DEVICE).map(Node::name).toList();
        if (origins.isEmpty()) throw new InvalidInputException(o.has("origins") ? "origins" : "topology",
                "requests need at least one origin device; the topology has none");
        for (int i = 0; i < origins.size(); i++)
            if (topology.node(origins.get(i)).isEmpty())
                throw new InvalidInputException("origins[" + i + "]", "the topology has no node \"" + origins.get(i) + "\"");
        if (arrivals instanceof Trace t) checkTrace(t, topology, origins);
        DeadlineRule deadline = null;
        if (o.has("deadline")) {
            JsonObj d = o.object("deadline");
            Double secs = d.optNumberOrNull("seconds"), slack = d.optNumberOrNull("localSlack");
            d.done();
            if ((secs == null) == (slack == null))
                throw new InvalidInputException("deadline", "give exactly one of \"seconds\" (after release) and \"localSlack\" (× the latency alone on the device)");
            if (secs != null && !(secs > 0 && Double.isFinite(secs))) throw new InvalidInputException("deadline.seconds", "expected a finite number > 0, got " + secs);
            if (slack != null && !(slack > 0 && Double.isFinite(slack))) throw new InvalidInputException("deadline.localSlack", "expected a finite number > 0, got " + slack);
            deadline = new DeadlineRule(secs, slack);
        }
        LoadPattern load = o.has("load") ? readPattern(o.object("load"), topology) : new Steady();
        LoadPattern links = o.has("links") ? readPattern(o.object("links"), topology) : new Steady();
        Decisions decisions = Decisions.DEFAULT;
        if (o.has("decisions")) {
            JsonObj d = o.object("decisions");
            decisions = new Decisions(d.bool("onArrival", true), d.bool("onCompletion", true), d.optNumber("everySeconds", 0));
            d.done();
            if (!(decisions.everySeconds() >= 0) || !Double.isFinite(decisions.everySeconds()))
                throw new InvalidInputException("decisions.everySeconds", "expected a finite number >= 0 (0 = never), got " + decisions.everySeconds());
            if (!decisions.onArrival() && decisions.everySeconds() == 0)
                throw new InvalidInputException("decisions", "with neither onArrival nor everySeconds no request would ever be planned");
        }
        Dispatch dispatch = o.has("dispatch")
                ? JsonObj.enumValue(o.string("dispatch"), "dispatch", s -> switch (s) {
                    case "timetable" -> Dispatch.TIMETABLE;
                    case "asap" -> Dispatch.ASAP;
                    default -> null;
                }, "timetable, asap")
                : Dispatch.TIMETABLE;
        o.done();
        return new Scenario(name, topology, requests, arrivals, mix, origins, deadline, load, links, decisions, dispatch);
    }

    private static String modelNames(Instance topology) {
        return String.join(", ", topology.models().stream().map(m -> m.name()).toList());
    }

    private static Arrivals readArrivals(JsonObj a, Path dir) {
        String process = a.string("process");
        Arrivals out = switch (process) {
            case "poisson" -> new Poisson(positive(a, "rate"));
            case "bursty" -> new Bursty(positive(a, "rate"), positive(a, "burstRate"), positive(a, "meanCalm"), positive(a, "meanBurst"));
            case "trace" -> readTrace(dir.resolve(a.string("file")), a.child("file"));
            default -> throw new InvalidInputException(a.child("process"), "expected one of poisson, bursty, trace, got \"" + process + "\"");
        };
        a.done();
        return out;
    }

    private static double positive(JsonObj o, String field) {
        double v = o.number(field);
        if (!(v > 0) || !Double.isFinite(v)) throw new InvalidInputException(o.child(field), "expected a finite number > 0, got " + v);
        return v;
    }

    private static Trace readTrace(Path file, String path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidInputException(path, "cannot read the arrival trace " + file + ": " + e.getMessage());
        }
        List<TraceRow> rows = new ArrayList<>();
        double last = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && Character.isLetter(line.charAt(0)))) continue;
            String[] f = line.split(",", -1);
            String where = file + " line " + (i + 1);
            double time;
            try {
                time = Double.parseDouble(f[0].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(path, where + ": expected a time in seconds, got \"" + f[0] + "\"");
            }
            if (!(time >= 0) || !Double.isFinite(time) || time < last)
                throw new InvalidInputException(path, where + ": times must be finite, >= 0 and non-decreasing, got " + time + " after " + last);
            last = time;
            String model = f.length > 1 && !f[1].isBlank() ? f[1].strip() : null;
            String origin = f.length > 2 && !f[2].isBlank() ? f[2].strip() : null;
            Double deadline = null;
            if (f.length > 3 && !f[3].isBlank()) {
                try {
                    deadline = Double.parseDouble(f[3].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(path, where + ": expected a deadline in seconds, got \"" + f[3] + "\"");
                }
                if (!(deadline > 0)) throw new InvalidInputException(path, where + ": the deadline (seconds after release) must be > 0, got " + deadline);
            }
            rows.add(new TraceRow(time, model, origin, deadline));
        }
        if (rows.isEmpty()) throw new InvalidInputException(path, "the arrival trace " + file + " has no rows");
        if (rows.size() > MAX_REQUESTS) throw new InvalidInputException(path, "the arrival trace has " + rows.size() + " rows; at most " + MAX_REQUESTS);
        return new Trace(file, rows);
    }

    private static void checkTrace(Trace t, Instance topology, List<String> origins) {
        for (TraceRow r : t.rows()) {
            if (r.model() != null && topology.model(r.model()).isEmpty())
                throw new InvalidInputException("arrivals.file", t.file() + ": unknown model \"" + r.model() + "\"; the topology has " + modelNames(topology));
            if (r.origin() != null && !origins.contains(r.origin()))
                throw new InvalidInputException("arrivals.file", t.file() + ": origin \"" + r.origin() + "\" is not one of the scenario's origins " + origins);
        }
    }

    private static final Set<String> KINDS = Set.of("device", "edge", "cloud");

    private static LoadPattern readPattern(JsonObj o, Instance topology) {
        String pattern = o.string("pattern");
        LoadPattern out = switch (pattern) {
            case "steady" -> new Steady();
            case "steps" -> {
                JsonObj s = o.object("steps");
                Map<String, List<double[]>> steps = new LinkedHashMap<>();
                for (String node : s.fieldNames()) {
                    if (topology.node(node).isEmpty()) throw new InvalidInputException(s.child(node), "the topology has no node \"" + node + "\"");
                    steps.put(node, JsonObj.list(s.raw(node), s.child(node), (v, p) -> {
                        if (!v.isArray() || v.size() != 2) throw new InvalidInputException(p, "expected [atSeconds, factor], got " + v);
                        return new double[]{JsonObj.number(v.get(0), p + "[0]"), JsonObj.number(v.get(1), p + "[1]")};
                    }));
                }
                s.done();
                yield new Steps(steps);
            }
            case "background" -> {
                List<String> kinds = o.has("kinds") ? o.stringList("kinds") : List.of("edge", "cloud");
                for (int i = 0; i < kinds.size(); i++)
                    if (!KINDS.contains(kinds.get(i))) throw new InvalidInputException(o.child("kinds") + "[" + i + "]", "expected device, edge or cloud, got \"" + kinds.get(i) + "\"");
                double rate = positive(o, "rate"), mean = positive(o, "meanSeconds"), share = o.optNumber("share", 1.0);
                if (!(share > 0) || share > 10) throw new InvalidInputException(o.child("share"), "expected a number in (0, 10], got " + share);
                long max = o.has("maxJobs") ? o.integer("maxJobs") : 4;
                if (max < 1 || max > 100) throw new InvalidInputException(o.child("maxJobs"), "expected an integer in 1..100, got " + max);
                yield new Background(kinds, rate, mean, share, (int) max);
            }
            default -> throw new InvalidInputException(o.child("pattern"), "expected one of steady, steps, background, got \"" + pattern + "\"");
        };
        o.done();
        return out;
    }
}
