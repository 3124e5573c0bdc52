package io.edgesplit.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.Json;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.LayerStart;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.solution.TaskSchedule;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.TracePoint;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A backend's answer after the validator has checked it ({@link EdgeSplit#solve}). Only a {@link #valid()}
 * answer may be reported: every backend's schedule goes through the validator before this object exists.
 * Times of the schedule are integer ticks of the instance's {@code timeUnit}; {@link #seconds(double)}
 * converts.
 */
public final class Result {
    private final CompiledInstance ci;
    private final Solution solution;
    private final ValidationReport report;
    private final List<TracePoint> trace;
    private final int workers;

    Result(CompiledInstance ci, Solution solution, ValidationReport report, List<TracePoint> trace, int workers) {
        this.ci = ci;
        this.solution = solution;
        this.report = report;
        this.trace = List.copyOf(trace);
        this.workers = workers;
    }

    /** The instance's name. */
    public String instance() { return solution.instance(); }

    /** The backend that answered. */
    public String backend() { return solution.solver(); }

    /** {@code OPTIMAL} (proven), {@code FEASIBLE}, {@code INFEASIBLE}, {@code UNKNOWN} or {@code ERROR}. */
    public Status status() { return solution.status(); }

    /** Whether there is a schedule ({@code OPTIMAL} or {@code FEASIBLE}). */
    public boolean hasSchedule() { return solution.status().hasSchedule(); }

    /** True when the answer has no schedule, or its schedule passed every check of the validator. */
    public boolean valid() { return report.valid(); }

    /** The objective in seconds (docs/model.md: makespan or weighted total latency), empty without a schedule. */
    public Optional<Double> objectiveSeconds() { return Optional.ofNullable(solution.objective()); }

    /** The objective in ticks, empty without a schedule. */
    public Optional<Double> objectiveTicks() { return Optional.ofNullable(solution.objectiveTicks()); }

    /** The best lower bound the backend proved, in seconds, if it proved one. */
    public Optional<Double> boundSeconds() { return boundTicks().map(b -> ci.seconds(b)); }

    public Optional<Long> boundTicks() { return Optional.ofNullable(solution.lowerBoundTicks()); }

    /** Wall time of the solve, seconds. */
    public double wallSeconds() { return solution.wallSeconds() == null ? 0 : solution.wallSeconds(); }

    /** The worker count the backend was given. */
    public int workers() { return workers; }

    /** The backend's note ({@code ERROR}: why it failed), or null. */
    public String message() { return solution.message(); }

    /** Per task, by name: where and when each layer runs and when each tensor moves; empty without a schedule. */
    public List<TaskSchedule> schedule() { return solution.tasks(); }

    /** One task's part of the schedule. */
    public TaskSchedule task(String taskName) {
        return solution.tasks().stream().filter(t -> t.task().equals(taskName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task \"" + taskName + "\" in this answer"));
    }

    /** Layer name → node name for one task, in layer order. */
    public Map<String, String> placement(String taskName) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LayerStart l : task(taskName).layers()) m.put(l.layer(), l.node());
        return m;
    }

    /** Whether the backend proved this schedule optimal (status {@code OPTIMAL}, exact backends only). */
    public boolean provedOptimal() { return status() == Status.OPTIMAL; }

    /** When a task's result is back on its origin, seconds. */
    public double completionSeconds(String taskName) { return ci.seconds(task(taskName).completionTicks()); }

    /**
     * Per node, in instance order: the second at which the node has done all its work of this schedule, its
     * last layer or the last tensor it receives ({@code availableAt} when it gets none). A simulation that
     * applies the schedule and plans again later passes this on as the nodes' next {@code availableAt}.
     */
    public Map<String, Double> busyUntil() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!hasSchedule()) return m;
        Schedule sch = Schedule.fromSolution(ci, solution);
        long[] until = new long[ci.nodeCount()];
        for (int n = 0; n < until.length; n++) until[n] = ci.availableAt(n);
        for (int t = 0; t < ci.taskCount(); t++) {
            for (int l = 0; l < ci.layerCount(t); l++) until[sch.node(t, l)] = Math.max(until[sch.node(t, l)], sch.end(ci, t, l));
            for (Transfer tr : sch.transfers(t))
                until[tr.to()] = Math.max(until[tr.to()], tr.start() + ci.transferAt(ci.tensorBytes(t, tr.tensor()), tr.from(), tr.to(), tr.start()));
        }
        for (int n = 0; n < until.length; n++) m.put(ci.nodeName(n), ci.seconds(until[n]));
        return m;
    }

    /** Ticks of this instance in seconds. */
    public double seconds(double ticks) { return ci.seconds(ticks); }

    /** What the validator found (empty when {@link #valid()}). */
    public List<Violation> violations() { return report.violations(); }

    /** The validator's full report. */
    public ValidationReport report() { return report; }

    /** The backend's anytime trace: incumbent objective and bound (ticks) over wall time. */
    public List<TracePoint> trace() { return trace; }

    /** The answer as a solution file holds it ({@link EdgeSplit#writeSolution}). */
    public Solution solution() { return solution; }

    /**
     * What {@code solve --json} prints: the solution file's fields plus {@code valid}, {@code workers} and,
     * for an invalid answer, {@code violations}. {@link EdgeSplit#readSolution} reads it back (docs/api.md,
     * "JSON").
     */
    public String toJson() {
        ObjectNode j = SolutionJson.toTree(solution);
        j.put("valid", valid());
        j.put("workers", workers);
        if (!valid()) {
            ArrayNode vs = j.putArray("violations");
            for (Violation v : report.violations()) vs.add(v.toString());
        }
        return Json.pretty(j);
    }

    /** One line: status, objective, bound, wall time, [valid], the note. What {@code solve} prints. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("status ").append(status());
        if (hasSchedule())
            sb.append(String.format(Locale.ROOT, "  %s %.6f s (%s ticks)", ci.objective().json(), solution.objective(),
                    num(solution.objectiveTicks())));
        if (solution.lowerBoundTicks() != null)
            sb.append(String.format(Locale.ROOT, "  bound %.6f s (%d ticks)", ci.seconds(solution.lowerBoundTicks()),
                    solution.lowerBoundTicks()));
        if (solution.wallSeconds() != null) sb.append(String.format(Locale.ROOT, "  wall %.3f s", solution.wallSeconds()));
        if (hasSchedule()) sb.append(valid() ? "  [valid]" : "  [INVALID]");
        if (solution.message() != null) sb.append("  (").append(solution.message()).append(')');
        return sb.toString();
    }

    /**
     * A text Gantt chart, {@code width} characters of time: per node one line of compute (each layer drawn
     * with its task's letter) and one of ingress (tensors arriving), then the legend. Empty without a schedule.
     */
    public String gantt(int width) {
        return hasSchedule() ? TextGantt.draw(ci, solution, width) : "";
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public String toString() { return backend() + " on " + instance() + ": " + summary(); }
}
