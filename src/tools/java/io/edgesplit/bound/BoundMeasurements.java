package io.edgesplit.bound;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: prints the bound / proven optimum of each committed small instance and the mean (the figure
 * in docs/bounds.md), then the time of the bound on the large instances. Run from the repository root:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.edgesplit.bound.BoundMeasurements}.
 */
public final class BoundMeasurements {
    public static void main(String[] args) throws Exception {
        double sum = 0;
        int n = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/bound/small-optima.csv"))) {
            if (line.startsWith("#") || line.startsWith("instance_file")) continue;
            String[] c = line.split(",");
            CompiledInstance ci = InstanceJson.read(Path.of(c[0])).compile();
            double opt = Double.parseDouble(c[1]);
            LowerBound b = LowerBounds.compute(ci);
            double ratio = b.ticks() / opt;
            sum += ratio;
            n++;
            System.out.printf(Locale.ROOT, "%-40s opt %8.0f  bound %10.1f  ratio %.3f  %6.1f ms  %s%n", ci.name(), opt, b.ticks(), ratio, b.millis(), b.source());
            for (LowerBound.Component p : b.components())
                System.out.printf(Locale.ROOT, "      %-26s %10.1f  %s%n", p.name(), p.ticks(), p.detail());
        }
        System.out.printf(Locale.ROOT, "mean bound/optimum %.4f over %d%n", sum / n, n);
        List<String> large = args.length > 0 ? List.of(args) : List.of("datasets/instances/large/campus-heavy-s1-t1000-n64.json",
                "datasets/instances/large/campus-light-s1.json", "datasets/instances/large/testbed-s1.json");
        for (String f : large) {
            CompiledInstance ci = InstanceJson.read(Path.of(f)).compile();
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int rep = 0; rep < 3; rep++) {
                long cpu = mx.getCurrentThreadCpuTime();
                LowerBound b = LowerBounds.compute(ci);
                double cpuMs = (mx.getCurrentThreadCpuTime() - cpu) / 1e6;
                System.out.printf(Locale.ROOT, "%-40s %6d layers  bound %12.1f  wall %8.1f ms  cpu %8.1f ms  %s%n", ci.name(), ci.totalLayers(), b.ticks(), b.millis(), cpuMs, b.source());
            }
        }
    }
}
