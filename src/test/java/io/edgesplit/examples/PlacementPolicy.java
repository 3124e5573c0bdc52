package io.edgesplit.examples;

import io.edgesplit.api.EdgeSplit;
import io.edgesplit.api.InstanceBuilder;
import io.edgesplit.api.Options;
import io.edgesplit.api.Result;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * docs/api.md, example 2: a backend as the placement policy of a simulation. Every epoch, the requests
 * announced for it are planned together with the nodes' current load (availableAt); the simulator applies the
 * schedule and carries each node's remaining work into the next epoch.
 */
public class PlacementPolicy {
    public static void main(String[] args) {
        String[] devices = {"dev1", "dev2", "dev3"};
        String[] models = {"vgg5", "alexnet"};
        double epoch = 0.5;                              // seconds between two planning rounds
        Map<String, Double> busyUntil = new LinkedHashMap<>();  // absolute seconds, per node
        Random arrivals = new Random(42);

        for (int k = 0; k < 4; k++) {
            double now = k * epoch;
            InstanceBuilder b = EdgeSplit.instance("epoch-" + k)
                    .objective(Objective.TOTAL_LATENCY)  // sum of the requests' latencies
                    .zooModel("vgg5").zooModel("alexnet")
                    .bandwidth(25e6).latency(0.002);
            for (String d : devices)                     // load left over from earlier epochs
                b.node(d, NodeKind.DEVICE, 1.33e9, Math.max(0, busyUntil.getOrDefault(d, 0.0) - now), 1.0);
            b.node("edge1", NodeKind.EDGE, 9.2e10, Math.max(0, busyUntil.getOrDefault("edge1", 0.0) - now), 1.0);
            int requests = 2 + arrivals.nextInt(4);
            for (int i = 0; i < requests; i++)
                b.task("r" + k + "." + i, models[arrivals.nextInt(models.length)], devices[arrivals.nextInt(devices.length)],
                        arrivals.nextDouble() * epoch);  // release, relative to the epoch's start

            Result plan = EdgeSplit.solve(b.build(), "medag", Options.defaults().timeLimit(0.5));
            if (!plan.valid() || !plan.hasSchedule()) throw new IllegalStateException("no plan: " + plan.summary());

            Map<String, Integer> layersPerNode = new TreeMap<>();
            plan.schedule().forEach(t -> t.layers().forEach(l -> layersPerNode.merge(l.node(), 1, Integer::sum)));
            System.out.printf("epoch %d: %d requests, total latency %.4f s, layers per node %s%n",
                    k, requests, plan.objectiveSeconds().orElseThrow(), layersPerNode);
            plan.busyUntil().forEach((node, until) -> busyUntil.put(node, now + until));
        }
        System.out.println("nodes busy until " + busyUntil);
    }
}
