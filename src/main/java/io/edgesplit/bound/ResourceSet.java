package io.edgesplit.bound;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.NodeKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of unit-capacity resources (docs/bounds.md, "capacity"): the compute of some nodes and, under
 * {@code contention: ingress}, the ingress links of some nodes. Each is one machine that does one thing at a
 * time (a layer of positive length, or a transfer of positive length into that node); a compute machine is
 * free from the node's {@code availableAt}, an ingress machine from 0.
 */
final class ResourceSet {
    private final String name;
    private final boolean[] compute;
    private final boolean[] ingress;
    private final int scope;
    private long[] usable;

    /**
     * @param scope a node: only the tasks that may run a layer there count (leaving tasks out only weakens a
     *              capacity bound, so it stays sound; it keeps per-device sets cheap on large instances); -1: all
     */
    private ResourceSet(String name, boolean[] compute, boolean[] ingress, int scope) {
        this.name = name;
        this.compute = compute;
        this.ingress = ingress;
        this.scope = scope;
    }

    static ResourceSet of(String name, boolean[] compute, boolean[] ingress) { return new ResourceSet(name, compute, ingress, -1); }

    String name() { return name; }

    boolean[] compute() { return compute; }

    boolean[] ingress() { return ingress; }

    /** The usable machines' free times (after {@link #prepare}). */
    long[] usable() { return usable; }

    /** Fixes the usable machines for these tasks; returns this. */
    ResourceSet prepare(CompiledInstance ci, List<TaskRelaxation> tasks) {
        usable = usableFreeFrom(ci, tasks);
        return this;
    }

    /** Whether the task's load can be positive here (and it is in scope). */
    boolean concerns(TaskRelaxation r) {
        if (scope >= 0) {
            boolean in = false;
            for (int q : r.nodes) in |= q == scope;
            if (!in) return false;
        }
        if (ingress[r.origin]) return true;
        for (int q : r.nodes) if (compute[q] || ingress[q]) return true;
        return false;
    }

    /**
     * The free times of the machines some concerned task can load at all (compute of a node it may run on,
     * ingress of such a node or of its origin), ascending: a machine nobody can use adds no capacity.
     */
    private long[] usableFreeFrom(CompiledInstance ci, List<TaskRelaxation> tasks) {
        int n = compute.length;
        boolean[] c = new boolean[n], g = new boolean[n];
        for (TaskRelaxation r : tasks) {
            if (!concerns(r)) continue;
            for (int q : r.nodes) { c[q] |= compute[q]; g[q] |= ingress[q]; }
            g[r.origin] |= ingress[r.origin];
        }
        List<Long> free = new ArrayList<>();
        for (int i = 0; i < n; i++) if (c[i]) free.add(ci.availableAt(i));
        for (int i = 0; i < n; i++) if (g[i]) free.add(0L);
        return free.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * The families tried on an instance, most useful first (a caller with a time budget keeps a prefix): all
     * nodes' and the servers' compute and ingress, each device with the servers' compute and with the ingress
     * of every other node (a device's own tasks either compute there or send a tensor away), every node's
     * compute and ingress alone, and, on instances with few nodes, every combination.
     */
    static List<ResourceSet> families(CompiledInstance ci, boolean everySubset) {
        int n = ci.nodeCount();
        boolean ingress = ci.contention() == Contention.INGRESS;
        Map<String, ResourceSet> out = new LinkedHashMap<>();
        boolean[] none = new boolean[n];
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        boolean[] servers = new boolean[n];
        for (int i = 0; i < n; i++) servers[i] = ci.nodeKind(i) != NodeKind.DEVICE;
        boolean anyServer = false;
        for (boolean s : servers) anyServer |= s;

        add(out, ci, "compute(all nodes)", all, none);
        if (anyServer) add(out, ci, "compute(servers)", servers, none);
        if (ingress) {
            add(out, ci, "ingress(all nodes)", none, all);
            if (anyServer) add(out, ci, "ingress(servers)", none, servers);
            add(out, ci, "compute+ingress(all nodes)", all, all);
            if (anyServer) add(out, ci, "compute+ingress(servers)", servers, servers);
        }
        for (int i = 0; i < n; i++) { // each device's own tasks: compute there, or send a tensor away
            if (servers[i] || !anyServer) continue;
            boolean[] one = new boolean[n];
            one[i] = true;
            boolean[] withServers = servers.clone();
            withServers[i] = true;
            add(out, ci, "compute(" + ci.nodeName(i) + "+servers), tasks that may use " + ci.nodeName(i), withServers, none, i);
            if (ingress) {
                boolean[] others = all.clone();
                others[i] = false;
                add(out, ci, "compute(" + ci.nodeName(i) + ")+ingress(other nodes), tasks that may use " + ci.nodeName(i), one, others, i);
            }
        }
        for (int i = 0; i < n; i++) {
            boolean[] one = new boolean[n];
            one[i] = true;
            add(out, ci, "compute(" + ci.nodeName(i) + ")", one, none);
            if (ingress) add(out, ci, "ingress(" + ci.nodeName(i) + ")", none, one);
        }
        if (ingress)
            for (int i = 0; i < n; i++) {
                boolean[] one = new boolean[n];
                one[i] = true;
                add(out, ci, "compute+ingress(" + ci.nodeName(i) + ")", one, one);
            }
        if (everySubset) {
            int bits = ingress ? 2 * n : n;
            for (long mask = 1; mask < (1L << bits); mask++) {
                boolean[] c = new boolean[n], g = new boolean[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (mask >> i & 1) != 0;
                    if (ingress) g[i] = (mask >> (n + i) & 1) != 0;
                }
                String name = mask % (1L << n) == 0 ? "ingress(" + names(ci, g) + ")"
                        : mask >> n == 0 ? "compute(" + names(ci, c) + ")" : "compute(" + names(ci, c) + ")+ingress(" + names(ci, g) + ")";
                add(out, ci, name, c, g);
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, ResourceSet> out, CompiledInstance ci, String name, boolean[] c, boolean[] g) {
        add(out, ci, name, c, g, -1);
    }

    private static void add(Map<String, ResourceSet> out, CompiledInstance ci, String name, boolean[] c, boolean[] g, int scope) {
        String key = Arrays.toString(c) + Arrays.toString(g) + scope;
        out.putIfAbsent(key, new ResourceSet(name, c, g, scope));
    }

    private static String names(CompiledInstance ci, boolean[] set) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < set.length; i++)
            if (set[i]) sb.append(sb.length() == 0 ? "" : ",").append(ci.nodeName(i));
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
