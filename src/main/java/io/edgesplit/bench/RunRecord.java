package io.edgesplit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of {@code runs.csv}: one finished run. Numbers that may be missing are null (an empty cell).
 * {@code status} is a solver status (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, ERROR) or one of the runner's
 * own: {@code TIMEOUT} (stopped after its limit + grace), {@code UNSUPPORTED} (a clear refusal) and {@code INVALID} (the validator rejected the
 * schedule; the objective is then left empty so it can never be counted).
 * The last three columns hold the instance's best cheap lower bound (docs/bounds.md), the same on every row
 * of an instance: {@code instance_bound_ticks}, {@code instance_bound_s} and {@code instance_bound_source}.
 * Files written before they existed (28 columns) still read; those cells are then empty.
 */
public record RunRecord(String runId, String suite, String instance, String instanceFile, int tasks, int nodes, int layers,
                        String objectiveKind, String config, String backend, int repeat, long seed, int workers,
                        double timeLimitSeconds, String status, Double objectiveSeconds, Double objectiveTicks,
                        Double boundSeconds, Double boundTicks, Double bestKnownSeconds, double wallSeconds,
                        boolean valid, String message, String solutionFile, String traceFile,
                        int cores, String jdk, String finishedAt,
                        Double instanceBoundTicks, Double instanceBoundSeconds, String instanceBoundSource) {

    public static final List<String> COLUMNS = List.of("run_id", "suite", "instance", "instance_file", "tasks", "nodes",
            "layers", "objective_kind", "config", "backend", "repeat", "seed", "workers", "time_limit_s", "status",
            "objective_s", "objective_ticks", "bound_s", "bound_ticks", "best_known_s", "wall_s", "valid", "message",
            "solution_file", "trace_file", "cores", "jdk", "finished_at",
            "instance_bound_ticks", "instance_bound_s", "instance_bound_source");

    /** The columns of files written before the instance bound was recorded (a prefix of {@link #COLUMNS}). */
    public static final List<String> COLUMNS_WITHOUT_BOUND = COLUMNS.subList(0, COLUMNS.size() - 3);

    public static final String TIMEOUT = "TIMEOUT";
    /** Stopped by SIGINT/SIGTERM (docs/benchmarks.md, "Interrupts"): not a result; {@code --resume} runs it again. */
    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String INVALID = "INVALID";
    /** The backend refused the instance with a reason (UnsupportedInstanceException): not a failure of the backend. */
    public static final String UNSUPPORTED = "UNSUPPORTED";

    /** The stable identity of a run: {@code instance|config|repeat}. */
    public static String id(String instance, String config, int repeat) { return instance + "|" + config + "|" + repeat; }

    /** Whether this run produced a validated schedule (the only runs that count as results). */
    public boolean hasSolution() { return valid && objectiveTicks != null; }

    public List<String> cells() {
        return List.of(runId, suite, instance, instanceFile, Integer.toString(tasks), Integer.toString(nodes),
                Integer.toString(layers), objectiveKind, config, backend, Integer.toString(repeat), Long.toString(seed),
                Integer.toString(workers), num(timeLimitSeconds), status, secs(objectiveSeconds), num(objectiveTicks),
                secs(boundSeconds), num(boundTicks), secs(bestKnownSeconds), String.format(Locale.ROOT, "%.6f", wallSeconds),
                Boolean.toString(valid), message == null ? "" : message, solutionFile == null ? "" : solutionFile,
                traceFile == null ? "" : traceFile, Integer.toString(cores), jdk, finishedAt,
                num(instanceBoundTicks), secs(instanceBoundSeconds), instanceBoundSource == null ? "" : instanceBoundSource);
    }

    /** One CSV line without the newline; a message's line breaks become spaces so one row is one line. */
    public String toCsvLine() { return Csv.line(cells()); }

    public static RunRecord fromCells(List<String> c) {
        boolean old = c.size() == COLUMNS_WITHOUT_BOUND.size();
        if (c.size() != COLUMNS.size() && !old)
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " cells, got " + c.size());
        int i = 0;
        return new RunRecord(c.get(i++), c.get(i++), c.get(i++), c.get(i++), Integer.parseInt(c.get(i++)),
                Integer.parseInt(c.get(i++)), Integer.parseInt(c.get(i++)), c.get(i++), c.get(i++), c.get(i++),
                Integer.parseInt(c.get(i++)), Long.parseLong(c.get(i++)), Integer.parseInt(c.get(i++)),
                Double.parseDouble(c.get(i++)), c.get(i++), dbl(c.get(i++)), dbl(c.get(i++)), dbl(c.get(i++)),
                dbl(c.get(i++)), dbl(c.get(i++)), Double.parseDouble(c.get(i++)), Boolean.parseBoolean(c.get(i++)),
                emptyToNull(c.get(i++)), emptyToNull(c.get(i++)), emptyToNull(c.get(i++)), Integer.parseInt(c.get(i++)),
                c.get(i++), c.get(i++), old ? null : dbl(c.get(i++)), old ? null : dbl(c.get(i++)), old ? null : emptyToNull(c.get(i)));
    }

    static String num(Double v) {
        if (v == null) return "";
        if (v == Math.rint(v) && Math.abs(v) < 9.0e15) return Long.toString(v.longValue());
        return Double.toString(v);
    }

    /** Seconds = ticks × timeUnit: 12 significant digits, so 600906 µs is 0.600906, not 0.6009059999999999. */
    static String secs(Double v) {
        return v == null ? "" : num(new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue());
    }

    private static Double dbl(String s) { return s.isEmpty() ? null : Double.valueOf(s); }

    private static String emptyToNull(String s) { return s.isEmpty() ? null : s; }

    /** RFC 4180 cells: quoted when they contain a comma, quote or line break. */
    public static final class Csv {
        private Csv() {}

        public static String line(List<String> cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) sb.append(',');
                String v = cells.get(i).replace('\r', ' ').replace('\n', ' ');
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                else sb.append(v);
            }
            return sb.toString();
        }

        /** Splits one line written by {@link #line}; throws on an unterminated quote (a truncated line). */
        public static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                        else quoted = false;
                    } else cur.append(ch);
                } else if (ch == '"') quoted = true;
                else if (ch == ',') { out.add(cur.toString()); cur.setLength(0); }
                else cur.append(ch);
            }
            if (quoted) throw new IllegalArgumentException("unterminated quote");
            out.add(cur.toString());
            return out;
        }
    }
}
