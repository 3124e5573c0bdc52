package io.edgesplit.dynamic.suite;

import io.edgesplit.bench.RunRecord;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of {@code sim-runs.csv}: one simulation (scenario, policy, seed) as it ended. Numbers that do not exist
 * for the run (an ERROR has no latencies, a run without hindsight no ratio) are null, an empty cell. Columns in
 * docs/benchmarks.md, "Simulation suites".
 */
public record SimRow(String scenario, String policy, String backend, String mode, long seed, String status,
                     Integer requests, Double meanS, Double p50S, Double p95S, Double p99S, Double maxS,
                     Integer deadlines, Integer missed, Integer decisions, Double decisionMeanMs, Double decisionP99Ms,
                     Double decisionMaxMs, Integer cutByBudget, Integer fallbacks, double wallS, boolean valid, int violations,
                     Double totalLatencyS, String hindsightStatus, Double hindsightTotalLatencyS, Double hindsightBoundS,
                     Double competitiveRatio, Double ratioToBound, String requestsFile, String message, String finishedAt) {

    public static final List<String> COLUMNS = List.of("scenario", "policy", "backend", "mode", "seed", "status",
            "requests", "mean_s", "p50_s", "p95_s", "p99_s", "max_s", "deadlines", "missed", "decisions",
            "decision_mean_ms", "decision_p99_ms", "decision_max_ms", "cut_by_budget", "fallbacks", "wall_s", "valid", "violations",
            "total_latency_s", "hindsight_status", "hindsight_total_latency_s", "hindsight_bound_s", "competitive_ratio",
            "competitive_ratio_to_bound", "requests_file", "message", "finished_at");

    /** The simulation ran and its trace passed the validator: the only runs whose numbers count. */
    public static final String OK = "OK";
    /** The validator rejected the executed trace; latencies are still recorded, never counted. */
    public static final String INVALID = "INVALID";
    /** The simulation threw (the message says what); the suite goes on. */
    public static final String ERROR = "ERROR";
    /** Still running after the suite's {@code timeoutSeconds}; abandoned. */
    public static final String TIMEOUT = "TIMEOUT";
    public static final List<String> STATUSES = List.of(OK, INVALID, ERROR, TIMEOUT);

    /** The identity of a run: {@code scenario|policy|seed}; {@code --resume} skips the ids already present. */
    public static String id(String scenario, String policy, long seed) { return scenario + "|" + policy + "|" + seed; }

    public String id() { return id(scenario, policy, seed); }

    public boolean ok() { return OK.equals(status); }

    public List<String> cells() {
        return List.of(scenario, policy, backend, mode, Long.toString(seed), status, num(requests), num(meanS), num(p50S),
                num(p95S), num(p99S), num(maxS), num(deadlines), num(missed), num(decisions), num(decisionMeanMs),
                num(decisionP99Ms), num(decisionMaxMs), num(cutByBudget), num(fallbacks), String.format(Locale.ROOT, "%.6f", wallS),
                Boolean.toString(valid), Integer.toString(violations), num(totalLatencyS), str(hindsightStatus),
                num(hindsightTotalLatencyS), num(hindsightBoundS), num(competitiveRatio), num(ratioToBound),
                str(requestsFile), str(message), str(finishedAt));
    }

    public String toCsvLine() { return RunRecord.Csv.line(cells()); }

    /** A row from its cells; throws on a wrong cell count or a malformed number (a damaged line). */
    public static SimRow fromCells(List<String> c) {
        if (c.size() != COLUMNS.size()) throw new IllegalArgumentException("expected " + COLUMNS.size() + " cells, got " + c.size());
        String status = c.get(5), valid = c.get(21);
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("unknown status \"" + status + "\"");
        if (!valid.equals("true") && !valid.equals("false")) throw new IllegalArgumentException("valid must be true or false");
        double wall = Double.parseDouble(c.get(20));
        if (!Double.isFinite(wall)) throw new IllegalArgumentException("wall_s must be finite");
        return new SimRow(c.get(0), c.get(1), c.get(2), c.get(3), Long.parseLong(c.get(4)), status, i(c.get(6)), d(c.get(7)),
                d(c.get(8)), d(c.get(9)), d(c.get(10)), d(c.get(11)), i(c.get(12)), i(c.get(13)), i(c.get(14)), d(c.get(15)),
                d(c.get(16)), d(c.get(17)), i(c.get(18)), i(c.get(19)), wall, Boolean.parseBoolean(valid), Integer.parseInt(c.get(22)),
                d(c.get(23)), s(c.get(24)), d(c.get(25)), d(c.get(26)), d(c.get(27)), d(c.get(28)), s(c.get(29)), s(c.get(30)),
                s(c.get(31)));
    }

    /** The row of a line, or null when it is not a whole, well-typed row. */
    public static SimRow parse(String line) {
        try {
            SimRow r = fromCells(RunRecord.Csv.split(line));
            return r.scenario().isBlank() || r.policy().isBlank() ? null : r;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** 12 significant digits: latencies are ticks × time unit, and 0.600906 should not read 0.6009059999999999. */
    static String num(Number v) {
        if (v == null) return "";
        if (v instanceof Integer || v instanceof Long) return v.toString();
        double x = v.doubleValue();
        if (!Double.isFinite(x)) return Double.toString(x);
        double r = new BigDecimal(x).round(new MathContext(12)).doubleValue();
        if (r == Math.rint(r) && Math.abs(r) < 9.0e15) return Long.toString((long) r);
        return Double.toString(r);
    }

    private static String str(String s) { return s == null ? "" : s; }

    private static String s(String v) { return v.isEmpty() ? null : v; }

    private static Double d(String v) { return v.isEmpty() ? null : Double.valueOf(v); }

    private static Integer i(String v) { return v.isEmpty() ? null : Integer.valueOf(v); }

    /** The header line. */
    public static String header() { return RunRecord.Csv.line(new ArrayList<>(COLUMNS)); }
}
