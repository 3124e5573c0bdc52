package io.edgesplit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.solver.WarmStartChain;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run in a child JVM ({@code bench --fork}), so that a native crash (OR-Tools) or a hang costs one run,
 * not the suite: {@code java -cp CLASSPATH io.edgesplit.bench.ForkedRun INSTANCE SOLVER_CLASS CONFIG_JSON OUT}.
 * The solver class is passed (not looked up by name) so the child runs exactly the backend the parent
 * resolved, including ones registered programmatically. The child writes the solution and the trace to
 * OUT as JSON; the parent validates the solution again itself and writes the row.
 */
public final class ForkedRun {
    private ForkedRun() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ForkedRun INSTANCE SOLVER_CLASS CONFIG_JSON OUT");
            System.exit(2);
        }
        CompiledInstance ci = InstanceJson.read(Path.of(args[0])).compile();
        Solver solver = (Solver) Class.forName(args[1]).getConstructor().newInstance();
        SolverConfig cfg = SolverConfig.fromTree(JsonObj.of(Json.parse(args[2], "config"), ""));
        if (cfg.warmStarted()) {
            SolverRegistry registry = SolverRegistry.load();
            solver = new WarmStartChain(cfg.warmStartFrom().stream().map(registry::get).toList(), solver);
        }
        SolveOptions options = cfg.options();
        Outcome o = CheckedSolve.run(solver, ci, options);
        Json.writeAtomically(Path.of(args[3]), Json.compact(toTree(o.solution(), o.trace())));
        System.exit(0);
    }

    static ObjectNode toTree(Solution s, List<TracePoint> trace) {
        ObjectNode root = Json.object();
        root.set("solution", SolutionJson.toTree(s));
        ArrayNode tr = root.putArray("trace");
        for (TracePoint p : trace) {
            ArrayNode a = tr.addArray();
            a.add(p.seconds());
            if (p.objectiveTicks() == null) a.addNull(); else a.add(p.objectiveTicks());
            if (p.boundTicks() == null) a.addNull(); else a.add(p.boundTicks());
        }
        return root;
    }

    record Result(Solution solution, List<TracePoint> trace) {}

    static Result fromTree(JsonNode root) {
        Solution s = SolutionJson.fromTree(root.get("solution"));
        List<TracePoint> trace = new ArrayList<>();
        for (JsonNode a : root.get("trace"))
            trace.add(new TracePoint(a.get(0).asDouble(), a.get(1).isNull() ? null : a.get(1).asDouble(),
                    a.get(2).isNull() ? null : a.get(2).asDouble()));
        return new Result(s, trace);
    }

    /** A configuration as JSON (docs/formats.md §3), for the child's command line. */
    static String configJson(SolverConfig c) {
        ObjectNode o = Json.object();
        o.put("name", c.name());
        o.put("backend", c.backend());
        o.put("timeLimitSeconds", c.timeLimitSeconds());
        o.put("seed", c.seed());
        o.put("workers", c.workers());
        if (c.warmStarted()) c.warmStartFrom().forEach(o.putArray("warmStartFrom")::add);
        ObjectNode p = o.putObject("params");
        for (Map.Entry<String, Object> e : c.params().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Long l) p.put(e.getKey(), l);
            else if (v instanceof Integer i) p.put(e.getKey(), i);
            else if (v instanceof Double d) p.put(e.getKey(), d);
            else if (v instanceof Boolean b) p.put(e.getKey(), b);
            else p.put(e.getKey(), String.valueOf(v));
        }
        return Json.compact(o);
    }
}
