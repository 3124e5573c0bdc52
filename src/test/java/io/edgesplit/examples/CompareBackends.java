package io.edgesplit.examples;

import io.edgesplit.api.EdgeSplit;
import io.edgesplit.api.Options;
import io.edgesplit.api.Result;
import io.edgesplit.model.Instance;

/** docs/api.md, example 1: build an instance in code, solve it with medag and cpsat, compare, draw a Gantt. */
public class CompareBackends {
    public static void main(String[] args) {
        Instance instance = EdgeSplit.instance("two-devices-one-edge")
                .zooModel("vgg5")                        // models of the zoo, by name
                .zooModel("resnet18")
                .device("phone", 1.33e9)                 // FLOP/s
                .device("camera", 1.33e9)
                .edge("edge1", 9.2e10)
                .bandwidth(25e6)                         // bytes/s between any two nodes ...
                .latency(0.001)                          // ... and seconds of latency
                .links("phone", "edge1", 50e6, null)     // a faster link, both directions
                .task("classify", "vgg5", "phone", 0.0)  // name, model, origin, release (s)
                .task("detect", "resnet18", "camera", 0.002)
                .build();                                // every check of the file reader

        Options options = Options.defaults().timeLimit(10).seed(1);
        Result medag = EdgeSplit.solve(instance, "medag", options);
        Result cpsat = EdgeSplit.solve(instance, "cpsat", options);

        for (Result r : new Result[] {medag, cpsat})
            System.out.printf("%-6s %-8s makespan %.6f s  valid %s  wall %.3f s%n", r.backend(), r.status(),
                    r.objectiveSeconds().orElse(Double.NaN), r.valid(), r.wallSeconds());
        Result best = medag;
        if (cpsat.hasSchedule()) {
            double gap = 100 * (medag.objectiveSeconds().get() / cpsat.objectiveSeconds().get() - 1);
            System.out.printf("medag is %.2f %% above cpsat, which %s%n", gap,
                    cpsat.provedOptimal() ? "proved its schedule optimal" : "found no proof in time");
            if (gap >= 0) best = cpsat;
        }
        System.out.println(best.backend() + ": classify " + best.placement("classify"));   // layer -> node
        System.out.print(best.gantt(72));
    }
}
