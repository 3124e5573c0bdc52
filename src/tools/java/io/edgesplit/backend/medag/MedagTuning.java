package io.edgesplit.backend.medag;

import io.edgesplit.generate.ScenarioGenerator;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolverRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: the tuning runs behind medag's and medag-ils's defaults (docs/medag.md section 4), on
 * generated instances that are not the committed evaluation instances. Seeds s of the tuning set: family
 * testbed / campus-light / campus-heavy by s mod 3, total latency when s mod 4 = 3, size small.
 * Usage: MedagTuning LIMIT SEED_FROM SEED_TO CONFIG... where CONFIG = name=backend[:k=v;k=v] or a .json
 * instance glob given with --files. Prints one line per instance and the mean gap of every configuration
 * to the best objective any configuration (or a reference given as ref=backend) found.
 */
public final class MedagTuning {
    public static void main(String[] a) throws Exception {
        double limit = Double.parseDouble(a[0]);
        List<Instance> instances = new ArrayList<>();
        int i = 1;
        if (a[1].equals("--gen")) { // family:size:seed[:total-latency],...
            for (String g : a[2].split(",")) {
                String[] f = g.split(":");
                var spec = ScenarioGenerator.Spec.of(ScenarioGenerator.Family.fromId(f[0]), ScenarioGenerator.SizeClass.fromId(f[1]), Long.parseLong(f[2]));
                if (f.length > 3) spec = spec.withModes(Objective.TOTAL_LATENCY, null, null);
                instances.add(ScenarioGenerator.generate(spec));
            }
            i = 3;
        } else if (a[1].equals("--files")) {
            i = 2;
            for (; !a[i].equals("--"); i++) instances.add(InstanceJson.read(Path.of(a[i])));
            i++;
        } else {
            long from = Long.parseLong(a[1]), to = Long.parseLong(a[2]);
            i = 3;
            for (long s = from; s <= to; s++) instances.add(tuning(s));
        }
        Map<String, String[]> configs = new LinkedHashMap<>();
        for (; i < a.length; i++) {
            String[] kv = a[i].split("=", 2);
            configs.put(kv[0], kv[1].split(":", 2));
        }
        var reg = SolverRegistry.load();
        Map<String, Double> gapSum = new LinkedHashMap<>(), gapMax = new LinkedHashMap<>();
        Map<String, Integer> wins = new LinkedHashMap<>();
        for (Instance in : instances) {
            CompiledInstance ci = in.compile();
            Map<String, Double> obj = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", in.name()));
            for (var c : configs.entrySet()) {
                Map<String, Object> params = new LinkedHashMap<>();
                if (c.getValue().length > 1)
                    for (String kv : c.getValue()[1].split(";")) {
                        String[] p = kv.split("=", 2);
                        params.put(p[0], parse(p[1]));
                    }
                String[] bl = c.getValue()[0].split("@"); // backend@limit overrides the common limit
                double lim = bl.length > 1 ? Double.parseDouble(bl[1]) : limit;
                int workers = bl[0].equals("cpsat") ? 2 : 1;
                long t0 = System.nanoTime();
                Outcome o = CheckedSolve.run(reg.get(bl[0]), ci, SolveOptions.defaults().withTimeLimit(lim).withWorkers(workers).withParams(params));
                if (!o.valid()) throw new IllegalStateException(c.getKey() + " invalid on " + in.name() + ": " + o.report().summary());
                double v = o.solution().objectiveTicks() == null ? Double.NaN : o.solution().objectiveTicks();
                obj.put(c.getKey(), v);
                if (Boolean.getBoolean("notes")) System.out.println("  " + c.getKey() + ": " + o.solution().message());
                line.append(String.format(Locale.ROOT, " %s=%.0f%s(%.1fs)", c.getKey(), v,
                        o.solution().status().name().equals("OPTIMAL") ? "*" : "", (System.nanoTime() - t0) / 1e9));
            }
            double best = obj.values().stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            for (var e : obj.entrySet()) {
                double g = 100 * (e.getValue() - best) / best;
                gapSum.merge(e.getKey(), g, Double::sum);
                gapMax.merge(e.getKey(), g, Math::max);
                if (g < 1e-9) wins.merge(e.getKey(), 1, Integer::sum);
            }
            System.out.println(line);
        }
        for (String c : configs.keySet())
            System.out.printf(Locale.ROOT, "%-24s mean gap %.2f %% max %.2f %% best on %d of %d%n", c, gapSum.get(c) / instances.size(),
                    gapMax.get(c), wins.getOrDefault(c, 0), instances.size());
    }

    static Object parse(String s) {
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        try { return Integer.parseInt(s); } catch (NumberFormatException e) { /* not an int */ }
        try { return Double.parseDouble(s); } catch (NumberFormatException e) { return s; }
    }

    /** Tuning instance number s (see the class comment). */
    static Instance tuning(long s) {
        ScenarioGenerator.Family f = ScenarioGenerator.Family.values()[(int) (s % 3)];
        var spec = ScenarioGenerator.Spec.of(f, ScenarioGenerator.SizeClass.SMALL, s);
        if (s % 4 == 3) spec = spec.withModes(Objective.TOTAL_LATENCY, null, null);
        return ScenarioGenerator.generate(spec);
    }
}
