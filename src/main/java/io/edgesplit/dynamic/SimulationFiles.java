package io.edgesplit.dynamic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.io.SolutionJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files of one simulation (docs/dynamic.md §6): {@code summary.json}, {@code requests.csv} (one row per
 * request), {@code realised.json} (the realised instance) and {@code trace.json} (the executed trace, a solution
 * of it: {@code ./edgesplit validate --instance realised.json --solution trace.json} re-checks it).
 */
public final class SimulationFiles {
    private SimulationFiles() {}

    public static String requestsCsv(SimulationResult r) {
        StringBuilder sb = new StringBuilder("request,model,origin,release_s,completion_s,latency_s,deadline_s,missed\n");
        for (RequestOutcome q : r.requests())
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%.6f,%s,%s%n", q.request(), q.model(), q.origin(), q.release(),
                    q.completion(), q.latency(), Double.isNaN(q.deadline()) ? "" : String.format(Locale.ROOT, "%.6f", q.deadline()),
                    Double.isNaN(q.deadline()) ? "" : Boolean.toString(q.missed())));
        return sb.toString();
    }

    public static ObjectNode summary(SimulationResult r) {
        ObjectNode o = Json.object();
        o.put("scenario", r.scenario());
        o.put("policy", r.policy());
        o.put("seed", r.seed());
        o.put("valid", r.valid());
        o.put("violations", r.validation().violations().size());
        if (!r.valid()) o.put("firstViolation", r.validation().violations().get(0).toString());
        LatencyStats l = r.latency();
        o.put("requests", l.count());
        o.put("meanLatency", l.mean());
        o.put("p50Latency", l.p50());
        o.put("p95Latency", l.p95());
        o.put("p99Latency", l.p99());
        o.put("maxLatency", l.max());
        o.put("totalLatency", r.validation().objectiveSeconds() == null ? Double.NaN : r.validation().objectiveSeconds());
        o.put("deadlines", l.deadlines());
        o.put("missed", l.missed());
        DecisionStats d = r.decisions();
        o.put("decisions", d.decisions());
        o.put("decisionMeanSeconds", d.meanSeconds());
        o.put("decisionP99Seconds", d.p99Seconds());
        o.put("decisionMaxSeconds", d.maxSeconds());
        o.put("cutByBudget", d.cutByBudget());
        o.put("fallbacks", d.fallbacks());
        o.put("wallSeconds", r.wallSeconds());
        return o;
    }

    /** Writes the four files into {@code dir} together (nothing half-way). */
    public static void write(SimulationResult r, Path dir) throws IOException {
        Map<Path, Json.Body> files = new LinkedHashMap<>();
        files.put(dir.resolve("summary.json"), w -> w.write(Json.pretty(summary(r))));
        files.put(dir.resolve("requests.csv"), w -> w.write(requestsCsv(r)));
        files.put(dir.resolve("realised.json"), w -> w.write(Json.pretty(InstanceJson.toTree(r.realised()))));
        files.put(dir.resolve("trace.json"), w -> SolutionJson.writeTo(r.trace(), w));
        Json.writeAllAtomically(files);
    }
}
