package io.edgesplit.jmh;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The reference objective for the {@code gapPct} counter: the smallest of the instance's stored
 * {@code bestKnown} and the objectives of every registered heuristic (non-exact) backend solving it with
 * the benchmark's options, each answer validated. Exact backends are left out here (their value depends
 * on the time limit; an instance's bestKnown carries their proven results).
 *
 * <p>Computing it means solving the instance with every heuristic once, which is too slow to repeat in
 * every fork, so it is cached in a small properties file ({@code target/jmh-reference.properties}, or the
 * system property {@code edgesplit.jmh.referenceCache}), keyed by instance, time limit and the registered
 * backend names: a new backend or another time limit gives a new key. The first fork of an instance
 * pays for it in its (unmeasured) setup.
 */
final class References {
    private References() {}

    record Reference(double seconds, String source) {}

    static Reference of(String instanceSpec, Instance instance, CompiledInstance ci, SolveOptions options) {
        SolverRegistry registry = SolverRegistry.load();
        String key = instanceSpec + "|limit=" + options.timeLimitSeconds() + "|backends=" + String.join(",", registry.names());
        Path cache = Path.of(System.getProperty("edgesplit.jmh.referenceCache", "target/jmh-reference.properties"));
        Properties props = new Properties();
        if (Files.isRegularFile(cache)) {
            try (Reader r = Files.newBufferedReader(cache)) {
                props.load(r);
            } catch (IOException e) {
                props.clear(); // an unreadable cache is recomputed
            }
        }
        String hit = props.getProperty(key);
        if (hit != null) {
            int bar = hit.indexOf(' ');
            return new Reference(Double.parseDouble(hit.substring(0, bar)), hit.substring(bar + 1));
        }
        double best = Double.POSITIVE_INFINITY;
        String source = "none";
        if (instance.bestKnown() != null && instance.bestKnown().objective() > 0) {
            best = instance.bestKnown().objective();
            source = "bestKnown (" + instance.bestKnown().source() + ")";
        }
        for (Solver s : registry.all()) {
            if (s.exact()) continue;
            // Backend-specific params belong to the benchmarked backend only: the others run with defaults.
            Outcome o = CheckedSolve.run(s, ci, options.withParams(Map.of()));
            if (o.valid() && o.report().objectiveSeconds() != null && o.report().objectiveSeconds() < best) {
                best = o.report().objectiveSeconds();
                source = s.name();
            }
        }
        if (Double.isInfinite(best)) return new Reference(Double.NaN, source);
        props.setProperty(key, best + " " + source);
        try {
            if (cache.getParent() != null) Files.createDirectories(cache.getParent());
            try (Writer w = Files.newBufferedWriter(cache)) {
                props.store(w, "edgesplit JMH reference objectives (seconds), see io.edgesplit.jmh.References");
            }
        } catch (IOException e) {
            System.err.println("note: could not write the reference cache " + cache + ": " + e.getMessage());
        }
        return new Reference(best, source);
    }
}
