package io.edgesplit.report;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paired comparisons for the report (docs/benchmarks.md, "Paired statistics"): for each method (a
 * configuration whose backend is {@code medag} or {@code medag-ils}) against each other configuration, per
 * instance class (the instance name without its seed: {@code campus-measured-large}), over the instances
 * where both have a valid schedule (first repeat):
 *
 * <ul>
 *   <li><b>reduction</b> per instance = (baseline − method) / baseline, the form of the paper's "reduces the
 *   time overhead by X %"; its mean, with a 95 % percentile bootstrap interval (10 000 resamples of the
 *   instances, a fixed seed, so the report is reproducible);</li>
 *   <li>a two-sided <b>Wilcoxon signed-rank</b> p-value on the paired objectives (Apache Commons Math; exact
 *   distribution for n ≤ 30, normal approximation above); 1 when every pair ties;</li>
 *   <li>wins / ties / losses of the method, and both mean wall times (quality beside time).</li>
 * </ul>
 */
public final class PairedStatistics {
    static final int RESAMPLES = 10_000;
    static final long SEED = 20251001L;
    private static final Pattern CLASS = Pattern.compile("^(.*?-(tiny|small|medium|large))-s\\d+.*$");

    /** One comparison. Reductions are fractions (0.24 = 24 %). */
    public record Pair(String instanceClass, String method, String baseline, int n, double meanReduction, double ciLow,
                       double ciHigh, double pValue, int wins, int ties, int losses, double methodWall, double baselineWall) {}

    private PairedStatistics() {}

    /** The class of an instance name: everything before {@code -s<seed>}, or the whole name. */
    static String instanceClass(String instance) {
        Matcher m = CLASS.matcher(instance);
        return m.matches() ? m.group(1) : instance;
    }

    /**
     * The pairs as the paper tables' significance input. A row of the per-class table is a size or a family
     * label, which may hold several of this class's classes ({@code small} holds {@code testbed-small} and
     * {@code campus-measured-small}); {@code other} is marked as differing from {@code reference} only when their
     * pair (either way round) has {@code p < alpha} in every class of the row. Pooled rows (all instances) and
     * single instances carry no test, so no marker.
     */
    public static io.edgesplit.report.latex.Significance significance(List<Pair> pairs, double alpha) {
        return (group, reference, other) -> {
            if (group == null) return false;
            List<Pair> row = pairs.stream()
                    .filter(p -> p.instanceClass().equals(group) || p.instanceClass().endsWith("-" + group) || p.instanceClass().startsWith(group + "-"))
                    .filter(p -> (p.method().equals(reference) && p.baseline().equals(other)) || (p.method().equals(other) && p.baseline().equals(reference)))
                    .toList();
            return !row.isEmpty() && row.stream().allMatch(p -> p.pValue() < alpha);
        };
    }

    public static List<Pair> compute(Analysis a) {
        // config -> instance -> first-repeat run
        Map<String, Map<String, Analysis.Run>> byConfig = new LinkedHashMap<>();
        Map<String, String> backend = new LinkedHashMap<>();
        for (Analysis.Run r : a.runs()) {
            backend.putIfAbsent(r.config(), r.backend());
            Map<String, Analysis.Run> m = byConfig.computeIfAbsent(r.config(), k -> new TreeMap<>());
            Analysis.Run prev = m.get(r.instance());
            if (prev == null || r.repeat() < prev.repeat()) m.put(r.instance(), r);
        }
        Map<String, List<String>> classes = new TreeMap<>();
        for (String i : a.instances()) classes.computeIfAbsent(instanceClass(i), k -> new ArrayList<>()).add(i);
        List<Pair> out = new ArrayList<>();
        for (String method : a.configs()) {
            String b = backend.get(method);
            if (b == null || !(b.equals("medag") || b.equals("medag-ils"))) continue;
            for (String base : a.configs()) {
                if (base.equals(method)) continue;
                for (Map.Entry<String, List<String>> c : classes.entrySet()) {
                    Pair p = pair(c.getKey(), method, base, c.getValue(), byConfig);
                    if (p != null) out.add(p);
                }
            }
        }
        return out;
    }

    private static Pair pair(String cls, String method, String base, List<String> instances,
                             Map<String, Map<String, Analysis.Run>> byConfig) {
        List<double[]> pairs = new ArrayList<>(); // {method, baseline, method wall, baseline wall}
        for (String i : instances) {
            Analysis.Run m = byConfig.getOrDefault(method, Map.of()).get(i), b = byConfig.getOrDefault(base, Map.of()).get(i);
            if (m == null || b == null || !m.hasSolution() || !b.hasSolution()) continue;
            pairs.add(new double[]{m.objective(), b.objective(), m.wall(), b.wall()});
        }
        int n = pairs.size();
        if (n == 0) return null;
        double[] red = new double[n], x = new double[n], y = new double[n];
        int wins = 0, ties = 0, losses = 0;
        double mw = 0, bw = 0;
        for (int k = 0; k < n; k++) {
            double[] p = pairs.get(k);
            x[k] = p[0];
            y[k] = p[1];
            red[k] = p[1] > 0 ? (p[1] - p[0]) / p[1] : 0;
            if (p[0] < p[1]) wins++;
            else if (p[0] == p[1]) ties++;
            else losses++;
            mw += p[2];
            bw += p[3];
        }
        double mean = mean(red);
        double[] ci = bootstrap(red);
        return new Pair(cls, method, base, n, mean, ci[0], ci[1], wilcoxon(x, y), wins, ties, losses, mw / n, bw / n);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    /** 95 % percentile bootstrap interval of the mean (fixed seed). */
    static double[] bootstrap(double[] v) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int k = 0; k < v.length; k++) s += v[rnd.nextInt(v.length)];
            means[r] = s / v.length;
        }
        Percentile p = new Percentile();
        p.setData(means);
        return new double[]{p.evaluate(2.5), p.evaluate(97.5)};
    }

    /**
     * Two-sided Wilcoxon signed-rank p-value over the pairs that differ (Wilcoxon's treatment of zero
     * differences: dropped); 1 when none differs. Exact distribution for up to 30 such pairs (Commons Math
     * ranks ties by their average; its exact p-value is then approximate), normal approximation above; capped
     * at 1 (the doubled one-sided exact probability can pass 1).
     */
    static double wilcoxon(double[] x, double[] y) {
        int n = 0;
        for (int k = 0; k < x.length; k++) if (x[k] != y[k]) n++;
        if (n == 0) return 1.0;
        double[] a = new double[n], b = new double[n];
        for (int k = 0, j = 0; k < x.length; k++)
            if (x[k] != y[k]) {
                a[j] = x[k];
                b[j++] = y[k];
            }
        return Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, n <= 30));
    }

    static final String[] HEADER = {"class", "method", "baseline", "n", "mean_reduction_pct", "ci95_low_pct", "ci95_high_pct",
            "wilcoxon_p", "wins", "ties", "losses", "method_mean_wall_s", "baseline_mean_wall_s"};

    public static String csv(List<Pair> pairs) {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Pair p : pairs)
            sb.append(String.join(",", p.instanceClass(), p.method(), p.baseline(), Integer.toString(p.n()), pct(p.meanReduction()),
                    pct(p.ciLow()), pct(p.ciHigh()), pval(p.pValue()), Integer.toString(p.wins()), Integer.toString(p.ties()),
                    Integer.toString(p.losses()), sig(p.methodWall()), sig(p.baselineWall()))).append('\n');
        return sb.toString();
    }

    public static String markdown(List<Pair> pairs) {
        StringBuilder sb = new StringBuilder("# Paired statistics\n\n");
        sb.append("Per instance class, each medag configuration against each other configuration, over the instances where both have a ")
                .append("valid schedule. **reduction** = (baseline − method) / baseline per instance (positive: the method is better), ")
                .append("its mean with a 95 % percentile bootstrap interval (").append(RESAMPLES).append(" resamples, seed ").append(SEED)
                .append("); **p** = two-sided Wilcoxon signed-rank test on the paired objectives (Apache Commons Math 3.6.1; tied pairs dropped, exact for ")
                .append("up to 30 remaining pairs; with 20 seeds the smallest possible p is 1.9e-06); W/T/L = the method's wins, ties, losses; wall times are means in seconds.\n\n");
        String cls = null;
        for (Pair p : pairs) {
            if (!p.instanceClass().equals(cls)) {
                cls = p.instanceClass();
                sb.append("\n## ").append(cls).append("\n\n| method | baseline | n | mean reduction % | 95 % CI | p | W/T/L | wall method s | wall baseline s |\n")
                        .append("| --- | --- | ---: | ---: | --- | ---: | --- | ---: | ---: |\n");
            }
            sb.append("| ").append(p.method()).append(" | ").append(p.baseline()).append(" | ").append(p.n()).append(" | ")
                    .append(pct(p.meanReduction())).append(" | [").append(pct(p.ciLow())).append(", ").append(pct(p.ciHigh())).append("] | ")
                    .append(pval(p.pValue())).append(" | ").append(p.wins()).append('/').append(p.ties()).append('/').append(p.losses())
                    .append(" | ").append(sig(p.methodWall())).append(" | ").append(sig(p.baselineWall())).append(" |\n");
        }
        return sb.toString();
    }

    private static String pct(double f) { return String.format(java.util.Locale.ROOT, "%.1f", 100 * f); }

    private static String pval(double p) { return p < 1e-4 ? String.format(java.util.Locale.ROOT, "%.1e", p) : String.format(java.util.Locale.ROOT, "%.4f", p); }

    private static String sig(double v) { return String.format(java.util.Locale.ROOT, "%.3g", v); }
}
