package io.edgesplit.jmh;

import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.zoo.ModelZoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded instances of any size for the scaling runs, so that only the task and node counts change
 * between two points of a curve. The shape follows the campus scenario of docs/datasets.md in miniature: devices
 * (a quarter to half of the nodes, at least one) with modest speed, edge servers 20–60× faster, one
 * cloud node behind a slower WAN link; tasks from the zoo models vgg5 (7 layers), alexnet (11) and
 * resnet18 (31, a DAG), spread round robin over the devices, released as a Poisson stream whose rate
 * grows with the number of devices so the load per server stays roughly the same at every size. Some
 * servers start busy ({@code availableAt}) or loaded ({@code slowdown}). Makespan, segment granularity,
 * ingress contention (the defaults). Same arguments, same instance.
 */
final class GeneratedInstances {
    private GeneratedInstances() {}

    private static final String[] MODELS = {"vgg5", "alexnet", "resnet18"};

    static Instance generate(int tasks, int nodes, long seed) {
        if (tasks < 1) throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        if (nodes < 3) throw new IllegalArgumentException("nodes must be >= 3 (a device, an edge, the cloud), got " + nodes);
        Random r = new Random(seed * 1_000_003L + tasks * 31L + nodes);
        int servers = Math.max(2, nodes / 2);          // edges + the cloud
        int devices = nodes - servers;
        List<Node> nodeList = new ArrayList<>();
        for (int d = 0; d < devices; d++)
            nodeList.add(new Node("dev" + (d + 1), NodeKind.DEVICE, 5e9 * (1 + r.nextInt(4)), 0, 1.0));
        for (int e = 0; e < servers - 1; e++)
            nodeList.add(new Node("edge" + (e + 1), NodeKind.EDGE, 1e11 * (1 + r.nextInt(3)),
                    r.nextInt(3) == 0 ? 0.001 * r.nextInt(20) : 0, r.nextInt(4) == 0 ? 1.5 : 1.0));
        nodeList.add(new Node("cloud1", NodeKind.CLOUD, 1e12, 0, 1.0));

        List<Link> links = new ArrayList<>();
        for (Node n : nodeList)
            if (n.kind() != NodeKind.CLOUD) {
                links.add(new Link(n.name(), "cloud1", 5e6, 0.02));
                links.add(new Link("cloud1", n.name(), 5e6, 0.02));
            }
        Network network = new Network(1.25e7, 0.002, links); // 100 Mbit/s LAN/Wi-Fi, 2 ms

        List<DnnModel> models = new ArrayList<>();
        for (String m : MODELS) models.add(ModelZoo.get(m).asZooReference());

        // Mean gap between two releases: 40 ms per device, divided by the number of devices.
        double meanGap = 0.040 / devices;
        double clock = 0;
        List<Task> taskList = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            String model = MODELS[r.nextInt(MODELS.length)];
            String origin = "dev" + (1 + t % devices);
            taskList.add(new Task("t" + (t + 1), model, origin, round6(clock), 1.0, null));
            clock += -Math.log(1 - r.nextDouble()) * meanGap;
        }
        return new Instance("gen-t" + tasks + "-n" + nodes + "-s" + seed, Instance.DEFAULT_TIME_UNIT, Objective.MAKESPAN,
                Granularity.SEGMENT, Contention.INGRESS, models, nodeList, network, List.of(), taskList, null);
    }

    private static double round6(double s) { return Math.round(s * 1e6) / 1e6; }
}
