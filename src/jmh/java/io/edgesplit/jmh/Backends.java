package io.edgesplit.jmh;

import io.edgesplit.solver.Params;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks backends up by name in {@link SolverRegistry#load()}, so the benchmarks measure whatever is registered. */
final class Backends {
    private Backends() {}

    /** The backend; a clear refusal when it is not registered in this build (JMH then skips this parameter set). */
    static Solver require(String name) {
        SolverRegistry registry = SolverRegistry.load();
        return registry.find(name).orElseThrow(() -> new NotRegistered(name, registry.names()));
    }

    /** Thrown from a benchmark's setup: JMH reports it for that parameter set and goes on with the others. */
    static final class NotRegistered extends IllegalStateException {
        NotRegistered(String name, List<String> registered) {
            super("backend \"" + name + "\" is not registered in this build, skipped (registered: "
                    + String.join(", ", registered) + ")");
        }

        @Override
        public synchronized Throwable fillInStackTrace() { return this; } // the message says it all
    }

    /**
     * Options for one measured solve: the time limit, seed 1, one worker (the machine has two cores and
     * JMH's own threads), no warm start, no solver log; {@code params} as {@code key=value;key=value}.
     */
    static SolveOptions options(double timeLimitSeconds, int workers, String params) {
        return new SolveOptions(timeLimitSeconds, 1, workers, null, new Params(parseParams(params)), false);
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
