package io.edgesplit.cli;

import io.edgesplit.dynamic.LatencyStats;
import io.edgesplit.dynamic.PolicyConfig;
import io.edgesplit.dynamic.PolicyJson;
import io.edgesplit.dynamic.Scenario;
import io.edgesplit.dynamic.ScenarioJson;
import io.edgesplit.dynamic.SimulationException;
import io.edgesplit.dynamic.SimulationFiles;
import io.edgesplit.dynamic.SimulationResult;
import io.edgesplit.dynamic.Simulator;
import io.edgesplit.io.Json;
import io.edgesplit.io.OutputGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Simulate a policy on a dynamic scenario "
        + "(docs/dynamic.md): requests arrive over time, speeds and bandwidths fluctuate, the policy (re)plans at decision "
        + "points; the executed trace is validated as a solution of the realised instance. Exit 1 when the trace is "
        + "invalid or the policy fails.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario JSON (docs/dynamic.md §2)")
    Path scenario;
    @Option(names = "--policy", required = true, paramLabel = "NAME", description = "a policy file, NAME for policies/NAME.json, "
            + "or a backend name (re-planning with the default budget)")
    String policy;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the realisation (arrivals, contents, fluctuations); default ${DEFAULT-VALUE}")
    long seed;
    @Option(names = "--requests", paramLabel = "N", description = "override the scenario's number of requests")
    Integer requests;
    @Option(names = "--policies", defaultValue = "policies", paramLabel = "DIR", description = "where named policies live; default ${DEFAULT-VALUE}")
    Path policiesDir;
    @Option(names = "--out", paramLabel = "DIR", description = "write summary.json, requests.csv, realised.json and trace.json there")
    Path out;
    @Mixin
    JsonOutput json;

    @Override
    public Integer call() throws IOException {
        if (out != null && Files.exists(out) && !Files.isDirectory(out))
            throw new IllegalArgumentException("--out " + out + " exists and is not a folder");
        if (out != null) OutputGuard.check("--out", out.resolve("summary.json"), scenario);
        Scenario sc = ScenarioJson.read(scenario);
        if (requests != null) {
            if (requests < 1 || requests > ScenarioJson.MAX_REQUESTS)
                throw new IllegalArgumentException("--requests: expected 1.." + ScenarioJson.MAX_REQUESTS + ", got " + requests);
            if (sc.arrivals() instanceof Scenario.Trace)
                throw new IllegalArgumentException("--requests: the scenario's arrivals come from a trace, which decides their number");
            sc = sc.withRequests(requests);
        }
        PolicyConfig pc = PolicyJson.resolve(policy, policiesDir);
        SimulationResult r;
        try {
            r = Simulator.run(sc, pc, seed);
        } catch (SimulationException e) {
            System.err.println("simulate: " + e.getMessage());
            return Main.NO;
        }
        if (out != null) SimulationFiles.write(r, out);
        if (json.json) System.out.print(Json.pretty(SimulationFiles.summary(r)));
        else {
            LatencyStats l = r.latency();
            System.out.println(String.format(Locale.ROOT, "%s, policy %s, seed %d: %d requests, latency mean %.4f s, p95 %.4f s, p99 %.4f s, max %.4f s%s",
                    r.scenario(), r.policy(), r.seed(), l.count(), l.mean(), l.p95(), l.p99(), l.max(),
                    l.deadlines() > 0 ? String.format(Locale.ROOT, ", %d of %d deadlines missed", l.missed(), l.deadlines()) : ""));
            System.out.println(String.format(Locale.ROOT, "  %d decisions, %.2f ms mean, %.2f ms p99, %.2f ms max, %d cut by the budget; wall %.2f s",
                    r.decisions().decisions(), r.decisions().meanSeconds() * 1e3, r.decisions().p99Seconds() * 1e3,
                    r.decisions().maxSeconds() * 1e3, r.decisions().cutByBudget(), r.wallSeconds()));
            System.out.println("  trace: " + (r.valid() ? "valid" : "INVALID, " + r.validation().violations().size()
                    + " violations, first: " + r.validation().violations().get(0)));
        }
        return r.valid() ? Main.OK : Main.NO;
    }
}
