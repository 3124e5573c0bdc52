package io.edgesplit.report;

import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The comparison built from the raw runs (docs/benchmarks.md defines every column):
 * <ul>
 *   <li>a <em>contest</em> is an (instance, repeat) pair: every configuration's run on it competes;</li>
 *   <li>the <em>best known</em> objective of an instance is the least objective of any valid run (any
 *       configuration, any repeat, any merged folder) and of the instance file's {@code bestKnown};</li>
 *   <li>gap = (objective − best known) / best known; geometric-mean gap = exp(mean ln(1 + gap)) − 1;</li>
 *   <li>the <em>bound</em> of an instance is the larger of its cheap lower bound ({@code instance_bound_s},
 *       docs/bounds.md) and the best bound proven by a run that is trusted (not INVALID, ERROR, TIMEOUT or
 *       refused, not a contradicted proof, and not above the best known objective); gap to bound =
 *       (objective − bound) / bound, an upper bound on the distance to the optimum;</li>
 *   <li>Borda score: MiniZinc Challenge style, see {@link #pairScore}.</li>
 * </ul>
 * Only validated runs count: INVALID, TIMEOUT and ERROR rows are answers without a result.
 */
public final class Analysis {
    /** Two objectives within this relative distance are equal (they are integers in ticks; this only absorbs rounding to seconds). */
    static final double REL_TOL = 1e-9;

    /** One run, as the analysis needs it. */
    public record Run(String instance, String config, String backend, int repeat, int tasks, int nodes, int layers,
                      String status, Double objective, Double bestKnownFile, double wall, double timeLimit,
                      String traceFile, String solutionFile, String resultsDir, Double bound, Double instanceBound,
                      String instanceBoundSource) {
        public boolean hasSolution() { return objective != null; }

        /** Proven optimal, or proven infeasible: a proof, which ranks above the same answer without one. */
        public boolean proven() { return status.equals("OPTIMAL") || status.equals("INFEASIBLE"); }

        /** An answer at all: a validated solution or a proof of infeasibility. */
        public boolean answered() { return hasSolution() || status.equals("INFEASIBLE"); }
    }

    private final Table raw;
    private final List<Run> runs = new ArrayList<>();
    private final List<String> configs = new ArrayList<>();
    private final Map<String, String> backendOf = new HashMap<>();
    private final Map<String, Double> bestKnown = new TreeMap<>();
    private final Map<String, Run> sizeOf = new TreeMap<>();
    private final Map<String, Bound> bound = new TreeMap<>();

    public Analysis(Table raw) {
        this.raw = raw;
        Set<String> cfg = new LinkedHashSet<>();
        for (Row r : raw) {
            boolean valid = r.getBoolean("valid");
            Double obj = valid && !r.isMissing("objective_s") ? r.getDouble("objective_s") : null;
            Run run = new Run(r.getString("instance"), r.getString("config"), r.getString("backend"), r.getInt("repeat"),
                    r.getInt("tasks"), r.getInt("nodes"), r.getInt("layers"), r.getString("status"), obj,
                    r.isMissing("best_known_s") ? null : r.getDouble("best_known_s"), r.getDouble("wall_s"),
                    r.getDouble("time_limit_s"), r.getString("trace_file"), r.getString("solution_file"), r.getString("results_dir"),
                    r.isMissing("bound_s") ? null : r.getDouble("bound_s"),
                    r.isMissing("instance_bound_s") ? null : r.getDouble("instance_bound_s"),
                    r.getString("instance_bound_source").isEmpty() ? null : r.getString("instance_bound_source"));
            runs.add(run);
            cfg.add(run.config());
            backendOf.putIfAbsent(run.config(), run.backend());
            sizeOf.putIfAbsent(run.instance(), run);
            Double b = bestKnown.get(run.instance());
            for (Double v : new Double[]{run.bestKnownFile(), run.objective()})
                if (v != null && (b == null || v < b)) b = v;
            if (b != null) bestKnown.put(run.instance(), b);
        }
        configs.addAll(cfg);
        for (Run run : runs) { // the cheap bound first, then proven bounds that beat it
            Double v = run.instanceBound();
            Bound b = bound.get(run.instance());
            if (v != null && (b == null || v > b.seconds())) bound.put(run.instance(), new Bound(v, run.instanceBoundSource()));
        }
        for (Run run : runs) {
            if (!trustedBound(run)) continue;
            Bound b = bound.get(run.instance());
            if (b == null || run.bound() > b.seconds() && !same(run.bound(), b.seconds()))
                bound.put(run.instance(), new Bound(run.bound(), "proven by " + run.config()));
        }
    }

    /** The best lower bound known for an instance (seconds) and where it comes from. */
    public record Bound(double seconds, String source) {}

    /**
     * Whether a run's own bound counts: the run answered (no INVALID, ERROR, TIMEOUT or refusal), its proof of
     * optimality (if any) is not contradicted, and its bound is not above a valid schedule's objective.
     */
    public boolean trustedBound(Run r) {
        if (r.bound() == null) return false;
        if (Set.of("INVALID", "ERROR", "TIMEOUT", "UNSUPPORTED").contains(r.status()) || contradictedProof(r)) return false;
        Double best = bestKnown.get(r.instance());
        return best == null || r.bound() <= best || same(r.bound(), best);
    }

    /** The instance's bound: max(cheap lower bound, trusted proven bounds); null when neither is known. */
    public Bound bound(String instance) { return bound.get(instance); }

    /**
     * (objective − bound) / bound of a run with a solution; null without a positive bound. Never clamped: a
     * negative value would mean a bound above a valid schedule, a bug to see rather than hide.
     */
    public Double gapToBound(Run r) {
        if (!r.hasSolution()) return null;
        return gapToBound(r.instance(), r.objective());
    }

    /** (objective − bound) / bound for an objective value on the instance; null without a positive bound. */
    public Double gapToBound(String instance, double objective) {
        Bound b = bound.get(instance);
        if (b == null) return null;
        if (b.seconds() <= 0) return objective <= 0 ? 0.0 : null;
        return same(objective, b.seconds()) ? 0.0 : (objective - b.seconds()) / b.seconds();
    }

    public List<Run> runs() { return runs; }

    public List<String> configs() { return configs; }

    public Table raw() { return raw; }

    public Double bestKnown(String instance) { return bestKnown.get(instance); }

    public List<String> instances() { return new ArrayList<>(sizeOf.keySet()); }

    public Run sizeOf(String instance) { return sizeOf.get(instance); }

    /** The relative gap of a solution to its instance's best known objective (0 when the best known is 0 and so is the objective). */
    public double gap(Run r) {
        double best = bestKnown.get(r.instance());
        if (best <= 0) return r.objective() <= best ? 0 : Double.POSITIVE_INFINITY;
        return Math.max(0, (r.objective() - best) / best);
    }

    static boolean same(double a, double b) { return Math.abs(a - b) <= REL_TOL * Math.max(1, Math.max(Math.abs(a), Math.abs(b))); }

    /** The runs of each contest (instance, repeat), by configuration, contests in instance then repeat order. */
    public Map<String, Map<String, Run>> contests() {
        Map<String, Map<String, Run>> out = new TreeMap<>();
        for (Run r : runs) out.computeIfAbsent(r.instance() + "|" + String.format("%06d", r.repeat()), k -> new LinkedHashMap<>()).put(r.config(), r);
        return out;
    }

    /**
     * MiniZinc Challenge scoring of run {@code a} against run {@code b} of the same contest: 0 when
     * {@code a} has no answer; 1 when {@code a} is better (b has no answer, or a's objective is lower, or the
     * objectives are equal and only a proved optimality); 0 when it is worse; on a tie (equal answers, equally
     * proven) the point is split by time, {@code a} getting {@code t_b / (t_a + t_b)}.
     */
    static double pairScore(Run a, Run b) {
        if (!a.answered()) return 0;
        if (!b.answered()) return 1;
        int cmp = 0;
        if (a.hasSolution() && b.hasSolution() && !same(a.objective(), b.objective()))
            cmp = a.objective() < b.objective() ? 1 : -1;
        else if (a.hasSolution() != b.hasSolution()) cmp = a.hasSolution() ? 1 : -1; // a validated schedule refutes a claim of infeasibility
        if (cmp == 0 && a.proven() != b.proven()) cmp = a.proven() ? 1 : -1;
        if (cmp != 0) return cmp > 0 ? 1 : 0;
        double ta = Math.max(a.wall(), 0), tb = Math.max(b.wall(), 0);
        return ta + tb == 0 ? 0.5 : tb / (ta + tb);
    }

    /**
     * A claim of optimality that another valid run refutes with a strictly better objective. The validator
     * checks schedules, not proofs: this is where a wrong proof of an exact backend becomes visible.
     */
    public boolean contradictedProof(Run r) {
        if (!r.status().equals("OPTIMAL") || !r.hasSolution()) return false;
        Double best = bestKnown.get(r.instance());
        return best != null && r.objective() > best && !same(r.objective(), best);
    }

    /** The runs whose proof of optimality another run refutes. */
    public List<Run> contradictedProofs() { return runs.stream().filter(this::contradictedProof).toList(); }

    /** Per configuration: counts, wins, gaps, Borda score, wall times. */
    public Table perSolver() {
        Map<String, double[]> borda = new HashMap<>();
        Map<String, Integer> wins = new HashMap<>();
        for (Map<String, Run> contest : contests().values()) {
            Double best = null;
            for (Run r : contest.values()) if (r.hasSolution() && (best == null || r.objective() < best)) best = r.objective();
            for (Run a : contest.values()) {
                if (best != null && a.hasSolution() && same(a.objective(), best)) wins.merge(a.config(), 1, Integer::sum);
                for (Run b : contest.values())
                    if (a != b) borda.computeIfAbsent(a.config(), k -> new double[1])[0] += pairScore(a, b);
            }
        }
        Table wall = raw.summarize("wall_s", AggregateFunctions.mean, AggregateFunctions.median).by("config");
        Map<String, double[]> wallOf = new HashMap<>();
        for (Row r : wall) wallOf.put(r.getString("config"), new double[]{r.getDouble(1), r.getDouble(2)});

        StringColumn solver = StringColumn.create("solver");
        StringColumn backend = StringColumn.create("backend");
        IntColumn nRuns = IntColumn.create("runs"), feasible = IntColumn.create("feasible"), optimal = IntColumn.create("optimal"),
                win = IntColumn.create("wins"), timeouts = IntColumn.create("timeouts"), errors = IntColumn.create("errors"),
                invalid = IntColumn.create("invalid"), refused = IntColumn.create("refused"),
                contradicted = IntColumn.create("contradicted");
        DoubleColumn meanGap = DoubleColumn.create("mean_gap_pct"), boundGap = DoubleColumn.create("mean_gap_to_bound_pct"),
                geoGap = DoubleColumn.create("geomean_gap_pct"),
                score = DoubleColumn.create("borda"), meanWall = DoubleColumn.create("mean_wall_s"), medWall = DoubleColumn.create("median_wall_s");
        for (String c : configs) {
            int n = 0, feas = 0, opt = 0, to = 0, err = 0, inv = 0, ref = 0, gaps = 0, bad = 0, boundGaps = 0, runsWithSolution = 0;
            double sumGap = 0, sumLog = 0, sumBoundGap = 0;
            for (Run r : runs) {
                if (!r.config().equals(c)) continue;
                n++;
                if (r.hasSolution()) {
                    feas++;
                    double g = gap(r);
                    sumGap += g;
                    sumLog += Math.log1p(g);
                    gaps++;
                    runsWithSolution++;
                    Double gb = gapToBound(r);
                    if (gb != null) { sumBoundGap += gb; boundGaps++; }
                }
                if (r.status().equals("OPTIMAL") && r.hasSolution()) opt++;
                if (contradictedProof(r)) bad++;
                if (r.status().equals("TIMEOUT")) to++;
                if (r.status().equals("ERROR")) err++;
                if (r.status().equals("INVALID")) inv++;
                if (r.status().equals("UNSUPPORTED")) ref++;
            }
            solver.append(c);
            backend.append(backendOf.get(c));
            nRuns.append(n);
            feasible.append(feas);
            optimal.append(opt);
            win.append(wins.getOrDefault(c, 0));
            timeouts.append(to);
            errors.append(err);
            invalid.append(inv);
            refused.append(ref);
            contradicted.append(bad);
            if (gaps == 0) { meanGap.appendMissing(); geoGap.appendMissing(); }
            else { meanGap.append(100 * sumGap / gaps); geoGap.append(100 * Math.expm1(sumLog / gaps)); }
            // Only a mean over every solved run is comparable across configurations: missing if any lacks a bound.
            if (boundGaps == 0 || boundGaps < runsWithSolution) boundGap.appendMissing(); else boundGap.append(100 * sumBoundGap / boundGaps);
            score.append(borda.containsKey(c) ? borda.get(c)[0] : 0);
            meanWall.append(wallOf.get(c)[0]);
            medWall.append(wallOf.get(c)[1]);
        }
        Table t = Table.create("per solver", solver, backend, nRuns, feasible, optimal, win, timeouts, errors, invalid, refused,
                contradicted, meanGap, boundGap, geoGap, score, meanWall, medWall);
        return t.sortOn(Comparator.comparingDouble((Row r) -> -r.getDouble("borda")).thenComparing(r -> r.getString("solver")));
    }

    /**
     * Per instance: its size, the best objective (seconds) each configuration reached over its repeats
     * (a Tablesaw pivot of the valid runs), the best known objective and which configurations reached it.
     */
    public Table perInstance() {
        Table valid = raw.where(raw.booleanColumn("valid").isTrue().and(raw.doubleColumn("objective_s").isNotMissing()));
        Table pivot = valid.rowCount() == 0 ? null : valid.pivot("instance", "config", "objective_s", AggregateFunctions.min);
        StringColumn inst = StringColumn.create("instance");
        IntColumn tasks = IntColumn.create("tasks"), nodes = IntColumn.create("nodes"), layers = IntColumn.create("layers");
        List<DoubleColumn> byConfig = new ArrayList<>();
        for (String c : configs) byConfig.add(DoubleColumn.create(c));
        DoubleColumn best = DoubleColumn.create("best_known_s");
        StringColumn foundBy = StringColumn.create("found_by");
        DoubleColumn boundS = DoubleColumn.create("bound_s"), boundGap = DoubleColumn.create("gap_to_bound_pct");
        StringColumn boundSource = StringColumn.create("bound_source");
        Map<String, Integer> pivotRow = new HashMap<>(); // (a Tablesaw Row is a moving cursor: keep indices, not rows)
        if (pivot != null) for (int k = 0; k < pivot.rowCount(); k++) pivotRow.put(pivot.stringColumn("instance").get(k), k);
        for (String i : instances()) {
            Run s = sizeOf.get(i);
            inst.append(i);
            tasks.append(s.tasks());
            nodes.append(s.nodes());
            layers.append(s.layers());
            Integer pr = pivotRow.get(i);
            Double b = bestKnown.get(i);
            List<String> who = new ArrayList<>();
            for (int k = 0; k < configs.size(); k++) {
                String c = configs.get(k);
                if (pr == null || !pivot.columnNames().contains(c) || pivot.doubleColumn(c).isMissing(pr)) { byConfig.get(k).appendMissing(); continue; }
                double v = pivot.doubleColumn(c).getDouble(pr);
                byConfig.get(k).append(v);
                if (b != null && same(v, b)) who.add(c);
            }
            if (b == null) best.appendMissing(); else best.append(b);
            if (who.isEmpty() && b != null) who.add("instance file");
            foundBy.append(String.join(" ", who));
            Bound bd = bound.get(i);
            if (bd == null) { boundS.appendMissing(); boundSource.append(""); } else { boundS.append(bd.seconds()); boundSource.append(bd.source()); }
            Double g = b == null ? null : gapToBound(i, b);
            if (g == null) boundGap.appendMissing(); else boundGap.append(100 * g);
        }
        Table t = Table.create("per instance", inst, tasks, nodes, layers);
        for (DoubleColumn c : byConfig) t.addColumns(c);
        t.addColumns(best, foundBy, boundS, boundGap, boundSource);
        return t;
    }
}
