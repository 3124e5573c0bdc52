package io.edgesplit.jmh;

import io.edgesplit.solver.Params;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Looks backends up by name in {@link SolverRegistry#load()}, so the benchmarks measure whatever is registered. */
final class Backends {
    private Backends() {}

    /**
     * A {@code backend} parameter: a registered name, optionally with backend parameters,
     * {@code name:key=value;key=value} (e.g. {@code medag:maxPasses=0}), so that variants of one backend
     * are separate rows of one run while the other backends keep their defaults.
     */
    record Spec(Solver solver, Map<String, Object> params) {
        static Spec parse(String text) {
            int colon = text.indexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            return new Spec(require(name), parseParams(colon < 0 ? "" : text.substring(colon + 1)));
        }

        SolveOptions options(double timeLimitSeconds, int workers) {
            return new SolveOptions(timeLimitSeconds, 1, workers, null, new Params(params), false);
        }
    }

    /** The backend; a clear refusal when it is not registered in this build (JMH then skips this parameter set). */
    static Solver require(String name) {
        SolverRegistry registry = SolverRegistry.load();
        return registry.find(name).orElseThrow(() -> new Skipped("backend \"" + name
                + "\" is not registered in this build, skipped (registered: " + String.join(", ", registry.names()) + ")"));
    }

    /**
     * Thrown from a benchmark's setup when a parameter set does not apply (backend not registered, exact
     * backend in a heuristic benchmark, ...): JMH prints the message for that parameter set and goes on with
     * the others.
     */
    static final class Skipped extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        Skipped(String message) { super(message); }

        @Override
        public synchronized Throwable fillInStackTrace() { return this; } // the message says it all
    }

    /** Options for one measured solve: the time limit, seed 1, the workers, no warm start, no solver log. */
    static SolveOptions options(double timeLimitSeconds, int workers) {
        return new SolveOptions(timeLimitSeconds, 1, workers, null, Params.EMPTY, false);
    }

    static Map<String, Object> parseParams(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return out;
        for (String kv : text.split(";")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("params \"" + text + "\": expected key=value;key=value");
            String k = kv.substring(0, eq).trim(), v = kv.substring(eq + 1).trim();
            Object value;
            if (v.equals("true") || v.equals("false")) value = Boolean.parseBoolean(v);
            else if (v.matches("-?\\d+")) value = Long.parseLong(v);
            else if (v.matches("-?[0-9.]+(e-?\\d+)?")) value = Double.parseDouble(v);
            else value = v;
            out.put(k, value);
        }
        return out;
    }
}
