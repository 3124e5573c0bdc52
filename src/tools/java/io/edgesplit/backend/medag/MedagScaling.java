package io.edgesplit.backend.medag;

import io.edgesplit.backend.decoupled.DecoupledSolver;
import io.edgesplit.model.CompiledInstance;
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
import io.edgesplit.schedule.DynamicPrescheduler;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.Preschedule;
import io.edgesplit.schedule.QueueEstimate;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.zoo.ModelZoo;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: the measurements behind docs/medag.md (run by hand, alone on the machine).
 * {@code mvn -q -o test-compile exec:java} is not configured, so run it with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.edgesplit.backend.medag.MedagScaling}.
 */
public final class MedagScaling {
    private MedagScaling() {}

    static final String[] MODELS = {"vgg5", "alexnet", "vgg16", "resnet18", "resnet50", "mobilenet_v2", "googlenet"};

    /**
     * A campus-like instance: {@code devices} Raspberry-Pi-class devices, 12 Jetson-class and 4 server-class
     * edge nodes, one cloud; Wi-Fi from devices, LAN between edges, WAN to the cloud; mixed zoo models;
     * releases spread over a window; edge load via availableAt and slowdown.
     */
    static Instance campus(long seed, int tasks, int devices) {
        Random r = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        for (int d = 0; d < devices; d++) nodes.add(new Node("dev" + (d + 1), NodeKind.DEVICE, 1e10 * (1 + r.nextInt(3)), 0, 1));
        for (int e = 0; e < 16; e++) {
            double speed = e < 12 ? 2e11 * (1 + r.nextInt(3)) : 2e12;
            nodes.add(new Node("edge" + (e + 1), NodeKind.EDGE, speed, 0.001 * r.nextInt(50), 1 + 0.1 * r.nextInt(6)));
        }
        nodes.add(new Node("cloud1", NodeKind.CLOUD, 1e13));
        List<Link> links = new ArrayList<>();
        for (int e = 0; e < 16; e++)
            for (int f = 0; f < 16; f++)
                if (e != f) links.add(new Link("edge" + (e + 1), "edge" + (f + 1), 1.25e8, 0.0005));
        for (int e = 0; e < 16; e++) {
            links.add(new Link("edge" + (e + 1), "cloud1", 1.25e7, 0.02));
            links.add(new Link("cloud1", "edge" + (e + 1), 1.25e7, 0.02));
        }
        for (int d = 0; d < devices; d++) {
            links.add(new Link("dev" + (d + 1), "cloud1", 6e6, 0.03));
            links.add(new Link("cloud1", "dev" + (d + 1), 6e6, 0.03));
        }
        Network net = new Network(6.25e6, 0.003, links); // Wi-Fi (50 Mbit/s, 3 ms) unless overridden
        List<DnnModel> models = new ArrayList<>();
        for (String m : MODELS) models.add(ModelZoo.get(m));
        List<Task> ts = new ArrayList<>();
        double window = tasks * 0.002;
        for (int t = 0; t < tasks; t++)
            ts.add(new Task("t" + (t + 1), MODELS[r.nextInt(MODELS.length)], "dev" + (1 + r.nextInt(devices)),
                    Math.round(r.nextDouble() * window * 1e3) / 1e3, 1, null));
        return new Instance("campus-" + tasks + "-" + seed, 1e-6, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS,
                models, nodes, net, List.of(), ts, null);
    }

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    static boolean trace = Boolean.getBoolean("trace");

    /** CPU time of medag's start phase alone (maxPasses 0, no time pressure), JIT warm. */
    static void startOnly(String sizes) {
        CheckedSolve.run(new MedagSolver(), campus(1, 100, 47).compile(), SolveOptions.defaults().withTimeLimit(5));
        System.out.println("tasks layers | start_cpu_s start_wall_s start_obj_s");
        for (String x : sizes.split(",")) {
            CompiledInstance ci = campus(42, Integer.parseInt(x), 47).compile();
            long cpu = CPU.getCurrentThreadCpuTime(), w = System.nanoTime();
            var r = new MedagSolver().solve(ci, SolveOptions.defaults().withTimeLimit(600).withParams(Map.of("maxPasses", 0)));
            System.out.printf("%s %d | %.3f %.3f %.4f%n", x, ci.totalLayers(), (CPU.getCurrentThreadCpuTime() - cpu) / 1e9,
                    (System.nanoTime() - w) / 1e9, r.schedule().objectiveTicks(ci) * ci.timeUnit());
        }
    }

    /** medag against decoupled (and bruteforce on tiny) on every committed instance. */
    static void datasets(double limit) throws java.io.IOException {
        System.out.println("instance tasks nodes | decoupled_s | medag_s medag_wall_s medag_cpu_s | bruteforce_s gap_%");
        for (java.nio.file.Path f : MedagDatasetsTest.instances()) {
            CompiledInstance ci = io.edgesplit.io.InstanceJson.read(f).compile();
            double dec = CheckedSolve.run(new DecoupledSolver(), ci, SolveOptions.defaults()).report().objectiveSeconds();
            long cpu = CPU.getCurrentThreadCpuTime();
            Outcome med = CheckedSolve.run(new MedagSolver(), ci, SolveOptions.defaults().withTimeLimit(limit));
            double medCpu = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            String exact = "";
            if (f.toString().contains("tiny")) {
                Outcome bf = CheckedSolve.run(new io.edgesplit.backend.bruteforce.BruteForceSolver(), ci, SolveOptions.defaults().withTimeLimit(60));
                if (bf.solution().status() == io.edgesplit.solution.Status.OPTIMAL) {
                    double opt = bf.report().objectiveSeconds();
                    exact = String.format("%.6f %.2f", opt, 100 * (med.report().objectiveSeconds() - opt) / opt);
                }
            }
            System.out.printf("%s %d %d | %.6f | %.6f %.2f %.2f | %s%n", f.getFileName(), ci.taskCount(), ci.nodeCount(), dec,
                    med.report().objectiveSeconds(), med.solution().wallSeconds(), medCpu, exact);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("start")) {
            startOnly(args.length > 1 ? args[1] : "50,100,200,400,800");
            return;
        }
        if (args.length > 0 && args[0].equals("datasets")) {
            datasets(args.length > 1 ? Double.parseDouble(args[1]) : 10);
            return;
        }
        double limit = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[]{50, 100, 200, 400, 800};
        // Warm up the JIT once on a mid-size instance so the first row is not a compile-time measurement.
        CheckedSolve.run(new MedagSolver(), campus(1, 100, 47).compile(), SolveOptions.defaults().withTimeLimit(5));
        System.out.println("tasks nodes layers | decoupled_wall_s obj_dec_s | medag_wall_s medag_cpu_s obj_medag_s improvements | prescheduler_ms dag_all_ms");
        for (int n : sizes) {
            Instance in = campus(42, n, 47);
            CompiledInstance ci = in.compile();
            long a = System.nanoTime();
            Outcome dec = CheckedSolve.run(new DecoupledSolver(), ci, SolveOptions.defaults());
            double decS = (System.nanoTime() - a) / 1e9;
            a = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            Outcome med = CheckedSolve.run(new MedagSolver(), ci, SolveOptions.defaults().withTimeLimit(limit));
            double medS = (System.nanoTime() - a) / 1e9, medCpu = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            Outcome med2 = CheckedSolve.run(new MedagSolver(), ci, SolveOptions.defaults().withTimeLimit(2));
            if (!dec.valid() || !med.valid() || !med2.valid()) throw new AssertionError("invalid schedule");
            System.out.printf("  with a 2 s limit: wall %.3f s, objective %.4f s%n", med2.solution().wallSeconds(), med2.report().objectiveSeconds());
            // One DAG retrieval for every task, and one preschedule of that plan, timed alone.
            MultiEndpointDag dag = new MultiEndpointDag(ci);
            a = System.nanoTime();
            int[][] plan = new int[ci.taskCount()][];
            for (int t = 0; t < ci.taskCount(); t++) plan[t] = dag.best(t, QueueEstimate.idle(ci)).placement();
            double dagMs = (System.nanoTime() - a) / 1e6;
            a = System.nanoTime();
            Preschedule p = DynamicPrescheduler.run(ci, plan);
            double preMs = (System.nanoTime() - a) / 1e6;
            System.out.printf("%d %d %d | %.3f %.4f | %.3f %.3f %.4f %d | %.1f %.1f%n", n, ci.nodeCount(), ci.totalLayers(),
                    decS, dec.report().objectiveSeconds(), medS, medCpu, med.report().objectiveSeconds(), med.trace().size() - 1, preMs, dagMs);
            if (trace) for (var tp : med.trace()) System.out.printf("   %.3f s  %.4f%n", tp.seconds(), tp.objectiveTicks() * ci.timeUnit());
        }
        compareWithJGraphT(campus(42, 200, 47).compile(), 3);
    }

    /**
     * The same k-best retrieval on a static-weight JGraphT graph (waits frozen at availableAt, which is exact
     * for the idle estimate since a transfer-then-compute edge weight only depends on the nodes), against the DP.
     */
    static void compareWithJGraphT(CompiledInstance ci, int k) {
        MultiEndpointDag dag = new MultiEndpointDag(ci);
        QueueEstimate idle = QueueEstimate.idle(ci);
        long a = System.nanoTime();
        for (int t = 0; t < ci.taskCount(); t++) dag.best(t, idle, k);
        double dpMs = (System.nanoTime() - a) / 1e6;
        a = System.nanoTime();
        int N = ci.nodeCount();
        for (int t = 0; t < ci.taskCount(); t++) {
            int L = ci.layerCount(t);
            SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
            for (int v = 0; v <= (L + 1) * N; v++) g.addVertex(v);
            int sink = (L + 1) * N;
            for (int c = 0; c < L; c++)
                for (int x = 0; x < N; x++) {
                    if (c == 0 && x != ci.origin(t)) continue;
                    for (int b = 0; b < N; b++) {
                        long p = ci.proc(t, c, b);
                        if (p < 0) continue;
                        double bytes = c == 0 ? ci.inputBytes(t) : ci.outputBytes(t, c - 1);
                        DefaultWeightedEdge e = g.addEdge(c * N + x, (c + 1) * N + b);
                        g.setEdgeWeight(e, ci.transfer(bytes, x, b) + p);
                    }
                }
            for (int x = 0; x < N; x++) {
                DefaultWeightedEdge e = g.addEdge(L * N + x, sink);
                g.setEdgeWeight(e, ci.transfer(ci.outputBytes(t, L - 1), x, ci.origin(t)));
            }
            List<GraphPath<Integer, DefaultWeightedEdge>> paths = new YenKShortestPath<>(g).getPaths(ci.origin(t), sink, k);
            if (paths.isEmpty()) throw new AssertionError();
        }
        double yenMs = (System.nanoTime() - a) / 1e6;
        System.out.printf("k-best retrieval for %d tasks, k=%d: direct DP %.1f ms, JGraphT Yen %.1f ms%n", ci.taskCount(), k, dpMs, yenMs);
    }

}
