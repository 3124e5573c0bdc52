package io.edgesplit.dynamic;

import io.edgesplit.model.Instance;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A dynamic scenario (docs/dynamic.md §2): a topology, how requests arrive, which DNNs they ask for, and how
 * the nodes' speeds and bandwidths fluctuate. Sampling it with a seed ({@link ScenarioSampler}) gives a
 * {@link Realisation}; every policy simulated with the same seed faces the same realisation.
 *
 * @param name       scenario name
 * @param topology   nodes, network, models, profiles, time unit, granularity, contention and objective; its
 *                   tasks are not used (they only made it a valid instance file)
 * @param requests   how many requests arrive (ignored for trace arrivals: the trace decides)
 * @param arrivals   the arrival process
 * @param mix        DNNs requested, with weights; origins uniform over {@code origins}
 * @param origins    the devices requests come from
 * @param deadline   deadline rule, or null for none
 * @param load       compute fluctuations
 * @param links      link fluctuations
 * @param decisions  when the policy is asked to plan
 * @param dispatch   how a plan is executed
 */
public record Scenario(String name, Instance topology, int requests, Arrivals arrivals, List<MixEntry> mix,
                       List<String> origins, DeadlineRule deadline, LoadPattern load, LoadPattern links,
                       Decisions decisions, Dispatch dispatch) {
    public Scenario {
        Objects.requireNonNull(name);
        Objects.requireNonNull(topology);
        mix = List.copyOf(mix);
        origins = List.copyOf(origins);
    }

    public Scenario withRequests(int n) {
        return new Scenario(name, topology, n, arrivals, mix, origins, deadline, load, links, decisions, dispatch);
    }

    public Scenario withDecisions(Decisions d) {
        return new Scenario(name, topology, requests, arrivals, mix, origins, deadline, load, links, d, dispatch);
    }

    /** A DNN of the topology and its share of requests. */
    public record MixEntry(String model, double weight) {}

    /** The arrival process (rates in requests per second, whole system). */
    public sealed interface Arrivals {}

    /** Exponential gaps at {@code rate}. */
    public record Poisson(double rate) implements Arrivals {}

    /**
     * A two-state Markov-modulated Poisson process: calm spells at {@code rate} and bursts at {@code burstRate},
     * of exponential lengths with means {@code meanCalm} and {@code meanBurst} seconds; starts calm.
     */
    public record Bursty(double rate, double burstRate, double meanCalm, double meanBurst) implements Arrivals {}

    /**
     * Arrivals read from a CSV file: {@code time[,model[,origin[,deadline]]]} per line (seconds; a header line
     * starting with a letter is skipped); missing columns are drawn from the mix, the origins and the deadline rule.
     */
    public record Trace(Path file, List<TraceRow> rows) implements Arrivals {
        public Trace { rows = List.copyOf(rows); }
    }

    /** One row of an arrival trace; null fields are drawn. */
    public record TraceRow(double time, String model, String origin, Double deadline) {}

    /**
     * Deadline = release + {@code seconds}, or release + {@code localSlack} × the request's latency when run
     * wholly on its idle device (one of the two is given).
     */
    public record DeadlineRule(Double seconds, Double localSlack) {}

    /** How speeds (or bandwidths) fluctuate. */
    public sealed interface LoadPattern {}

    /** Never: factor 1 throughout. */
    public record Steady() implements LoadPattern {}

    /** Explicit steps per node name ({@code [[atSeconds, factor], ...]}). */
    public record Steps(java.util.Map<String, List<double[]>> steps) implements LoadPattern {
        public Steps { steps = java.util.Map.copyOf(steps); }
    }

    /**
     * Background jobs: on every node of the kinds named, jobs arrive as a Poisson process at {@code rate} per
     * second and last an exponential time of mean {@code meanSeconds}; while {@code k} jobs run the factor is
     * {@code 1 + share × k} (processor sharing with {@code k} co-runners), at most {@code maxJobs} at once.
     */
    public record Background(List<String> kinds, double rate, double meanSeconds, double share, int maxJobs) implements LoadPattern {
        public Background { kinds = List.copyOf(kinds); }
    }

    /** When the policy is asked to plan: at arrivals, at request completions, and/or every Δ seconds (0 = never). */
    public record Decisions(boolean onArrival, boolean onCompletion, double everySeconds) {
        public static final Decisions DEFAULT = new Decisions(true, true, 0);
    }

    /**
     * How a plan is executed: {@code TIMETABLE} — a unit starts at its planned time, or later when its node is
     * busy or its inputs are late, never earlier; {@code ASAP} — in the planned order on each resource, as soon
     * as possible.
     */
    public enum Dispatch { TIMETABLE, ASAP }
}
