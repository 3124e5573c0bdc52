package io.edgesplit.dynamic.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * A simulation suite (docs/benchmarks.md, "Simulation suites") as read from a {@code benchmarks/NAME.json} with
 * {@code "kind": "simulation"}: scenario files × policies × seeds, each run once, plus the optional optimum in
 * hindsight of every realised instance that is small enough.
 *
 * @param scenarios      scenario files (globs expanded, sorted, without duplicates)
 * @param policies       policy entries, in file order: a file (resolved) or a registered policy name
 * @param seeds          the seeds; seed s gives every policy the same realisation of a scenario
 * @param hindsight      how to solve the realised instances in hindsight, or null for no competitive ratio
 * @param timeoutSeconds wall time after which one simulation is abandoned and recorded as TIMEOUT
 */
public record SimSuite(String name, String description, Path file, List<Path> scenarios, List<PolicyRef> policies,
                       List<Long> seeds, HindsightConfig hindsight, double timeoutSeconds) {
    public SimSuite {
        scenarios = List.copyOf(scenarios);
        policies = List.copyOf(policies);
        seeds = List.copyOf(seeds);
    }

    /** The directory the suite's relative paths start from. */
    public Path dir() { return file.toAbsolutePath().getParent(); }

    /**
     * One entry of {@code policies}.
     *
     * @param entry    as written in the suite
     * @param file     the policy file it names, or null when it is a policy name ({@code PolicyJson.resolve})
     * @param jsonPath where it was written, e.g. {@code policies[2]}, for errors
     */
    public record PolicyRef(String entry, Path file, String jsonPath) {}

    /**
     * The offline optimum in hindsight (docs/benchmarks.md, "Simulation suites"): the realised instance of a run,
     * with objective total-latency, solved by {@code backend} through {@code CheckedSolve}.
     *
     * @param maxRequests only realised instances with at most this many requests are solved
     */
    public record HindsightConfig(String backend, double timeLimitSeconds, int workers, long seed, int maxRequests) {}
}
