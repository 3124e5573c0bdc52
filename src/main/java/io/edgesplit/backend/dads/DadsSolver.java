package io.edgesplit.backend.dads;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.NodeKind;
import io.edgesplit.schedule.LoadedTimelines;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.UnsupportedInstanceException;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Baseline {@code dads}, after Hu, Bao, Wang, Wang, "Dynamic Adaptive DNN Surgery for Inference Acceleration
 * on the Edge" (IEEE INFOCOM 2019): the DNN's DAG is cut between the request's device and one server by a
 * minimum s–t cut. docs/baselines.md ("dads") gives the reading in full; in short:
 *
 * <ul>
 *   <li><b>The cut graph</b> (per task, per candidate server s): a vertex per layer between a source (the
 *   device side) and a sink (the server side); source→v costs v's time on s (plus its return transfer when v
 *   is an output), v→sink its time on the origin; a tensor vertex v′ per layer with successors, v→v′ costing
 *   the transfer of v's output origin→s and v′→w infinite for every successor w, so a tensor read on the
 *   server is paid once; likewise one input vertex for the model input. Infinite edges w→v for every DAG edge
 *   v→w keep the device side closed under predecessors (no tensor goes back to the device except the
 *   result), the same restriction as Neurosurgeon's single split, generalised to DAGs. A layer that cannot
 *   run on a side gets an infinite edge. The cut's value is the request's latency when device, link and
 *   server work one after another (DADS's light-load objective).</li>
 *   <li><b>Light-load mode</b>: that minimum cut. <b>Heavy-load mode</b> (DADS maximises throughput when the
 *   server cannot keep up): the server's compute costs are scaled by λ ∈ {2, 4, 8, 16} (a busier server is a
 *   dearer one), giving cuts that keep more on the device; each is a candidate. Mode {@code auto} (DADS
 *   switches on the observed load) uses heavy-load candidates for a server only when it has a backlog at
 *   the request's release; they are tried on the {@value #HEAVY_SERVERS} servers whose light-load cut is
 *   predicted to finish first (DADS has one server; trying every server's heavy cuts costs more max-flows than
 *   it could change).</li>
 *   <li><b>Server choice</b>: requests first come first served; each candidate cut on each eligible edge or
 *   cloud node is predicted on the load committed so far ({@link LoadedTimelines}) and the earliest finish
 *   wins (ties: the light-load cut, then the lower node index). The schedule is then built first come first
 *   served.</li>
 * </ul>
 * Max-flow: JGraphT's push-relabel ({@link PushRelabelMFImpl}). Cuts are cached per (model, origin, server,
 * λ), which is all they depend on.
 */
public final class DadsSolver implements Solver {
    static final double[] HEAVY_SCALES = {2, 4, 8, 16};
    /** Heavy-load cuts are tried on this many servers, those whose light-load cut is predicted to finish first. */
    static final int HEAVY_SERVERS = 3;

    @Override
    public String name() { return "dads"; }

    @Override
    public String description() {
        return "per request the minimum s-t cut of the DNN's DAG between device and one server (Hu et al. 2019), server by predicted finish, first come first served";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofChoice("mode", "auto", List.of("auto", "light", "heavy"),
                "light (latency cut), heavy (also server-penalised cuts) or auto (heavy only for a server with a backlog at the release)"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        String mode = options.params().getString("mode", "auto"); // a declared choice, checked before the solve
        int T = ci.taskCount();
        int[] order = ci.tasksByRelease(), rank = ci.releaseRank();

        LoadedTimelines load = new LoadedTimelines(ci);
        Map<String, int[]> cache = new HashMap<>();
        int[][] placement = new int[T][];
        int heavyChosen = 0;
        for (int t : order) {
            int[] best = null;
            long bestFinish = Long.MAX_VALUE;
            boolean bestHeavy = false;
            // Light-load cuts on every eligible server, predicted under the current load.
            List<long[]> light = new ArrayList<>(); // {predicted finish, server}
            for (int s = 0; s < ci.nodeCount(); s++) {
                if (s == ci.origin(t) || ci.nodeKind(s) == NodeKind.DEVICE || !ci.eligible(t, s)) continue;
                int[] p = cachedCut(cache, ci, t, s, 1.0);
                if (p == null) continue;
                long f = load.completion(t, p);
                light.add(new long[]{f, s});
                if (f < bestFinish) {
                    bestFinish = f;
                    best = p;
                }
            }
            // Heavy-load cuts on the servers whose light cut finishes earliest (at most HEAVY_SERVERS of them;
            // the stable sort keeps the lower index first on ties), when the mode asks for them.
            light.sort(Comparator.comparingLong(x -> x[0]));
            for (int i = 0; i < Math.min(HEAVY_SERVERS, light.size()); i++) {
                int s = (int) light.get(i)[1];
                boolean heavy = mode.equals("heavy") || (mode.equals("auto") && load.backlog(s, ci.release(t)) > 0);
                if (!heavy) continue;
                for (double lambda : HEAVY_SCALES) {
                    int[] p = cachedCut(cache, ci, t, s, lambda);
                    if (p == null) continue;
                    long f = load.completion(t, p);
                    if (f < bestFinish) {
                        bestFinish = f;
                        best = p;
                        bestHeavy = true;
                    }
                }
            }
            if (best == null) best = allLocal(ci, t);
            if (best == null)
                throw new UnsupportedInstanceException("task " + ci.taskName(t) + ": no cut between its origin "
                        + ci.nodeName(ci.origin(t)) + " and one edge or cloud node can run every layer; dads is undefined for it");
            if (bestHeavy) heavyChosen++;
            load.commit(t, best);
            placement[t] = best.clone();
        }
        Schedule sch = ScheduleBuilder.build(ci, placement, PriorityRule.taskOrder(rank));
        String note = heavyChosen == 0 ? null : heavyChosen + " request(s) took a heavy-load cut";
        return new SolveResult(Status.FEASIBLE, sch, null, List.of(), note);
    }

    private static int[] cachedCut(Map<String, int[]> cache, CompiledInstance ci, int t, int s, double lambda) {
        String key = ci.modelIndex(t) + "/" + ci.origin(t) + "/" + ci.eligible(t, ci.origin(t)) + "/" + s + "/" + lambda;
        if (cache.containsKey(key)) return cache.get(key);
        int[] p = cut(ci, t, s, lambda);
        cache.put(key, p);
        return p;
    }

    private static int[] allLocal(CompiledInstance ci, int t) {
        int[] p = new int[ci.layerCount(t)];
        for (int l = 0; l < p.length; l++) {
            if (!ci.canRun(t, l, ci.origin(t))) return null;
            p[l] = ci.origin(t);
        }
        return p;
    }

    /**
     * The minimum cut of task t between its origin and server s with the server's compute costs scaled by
     * {@code lambda}, as a placement (layer → node), or null when every cut is infinite.
     */
    static int[] cut(CompiledInstance ci, int t, int s, double lambda) {
        CutGraph g = new CutGraph(ci, t, s, lambda);
        PushRelabelMFImpl<Integer, DefaultWeightedEdge> mf = new PushRelabelMFImpl<>(g.graph);
        double value = mf.calculateMinCut(CutGraph.SOURCE, CutGraph.SINK);
        if (value >= g.infinite) return null;
        Set<Integer> deviceSide = mf.getSourcePartition();
        int[] p = new int[ci.layerCount(t)];
        for (int l = 0; l < p.length; l++) p[l] = deviceSide.contains(CutGraph.layer(l)) ? ci.origin(t) : s;
        return p;
    }

    /** The minimum cut's value (ticks, light-load costs) of task t toward server s: for tests. */
    static double cutValue(CompiledInstance ci, int t, int s) {
        CutGraph g = new CutGraph(ci, t, s, 1.0);
        double v = new PushRelabelMFImpl<>(g.graph).calculateMinCut(CutGraph.SOURCE, CutGraph.SINK);
        return v >= g.infinite ? Double.POSITIVE_INFINITY : v;
    }

    /** The flow network of one (task, server) pair; see the class comment. */
    private static final class CutGraph {
        static final int SOURCE = 0, SINK = 1;
        final SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        final double infinite;

        static int layer(int l) { return 2 + l; }

        CutGraph(CompiledInstance ci, int t, int s, double lambda) {
            int L = ci.layerCount(t), origin = ci.origin(t);
            int inputVertex = 2 + 2 * L;
            // "Infinite" = more than every finite capacity together, so that a finite cut always beats it.
            double finite = 1;
            for (int l = 0; l < L; l++) {
                if (ci.canRun(t, l, s)) finite += lambda * ci.proc(t, l, s) + (ci.isOutput(t, l) ? ci.transfer(ci.outputBytes(t, l), s, origin) : 0);
                if (ci.canRun(t, l, origin)) finite += ci.proc(t, l, origin);
                finite += ci.transfer(ci.outputBytes(t, l), origin, s);
            }
            finite += ci.transfer(ci.inputBytes(t), origin, s);
            infinite = 4 * finite;
            for (int v = 0; v <= inputVertex; v++) graph.addVertex(v);
            for (int l = 0; l < L; l++) {
                int v = layer(l);
                double onServer = ci.canRun(t, l, s)
                        ? lambda * ci.proc(t, l, s) + (ci.isOutput(t, l) ? ci.transfer(ci.outputBytes(t, l), s, origin) : 0)
                        : infinite;
                edge(SOURCE, v, onServer);
                edge(v, SINK, ci.canRun(t, l, origin) ? ci.proc(t, l, origin) : infinite);
                int[] succ = ci.succs(t, l);
                if (succ.length > 0) {
                    int tensor = 2 + L + l;
                    edge(v, tensor, ci.transfer(ci.outputBytes(t, l), origin, s));
                    for (int w : succ) {
                        edge(tensor, layer(w), infinite);
                        edge(layer(w), v, infinite); // a successor on the device forces v there too
                    }
                }
                if (ci.readsInput(t, l)) edge(inputVertex, v, infinite);
            }
            edge(SOURCE, inputVertex, ci.transfer(ci.inputBytes(t), origin, s));
        }

        private void edge(int a, int b, double capacity) {
            DefaultWeightedEdge e = graph.addEdge(a, b);
            graph.setEdgeWeight(e, capacity);
        }
    }
}
