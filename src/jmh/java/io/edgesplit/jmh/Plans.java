package io.edgesplit.jmh;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.NodeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plans (a node per layer) to feed the schedulers without running a backend first: per task one random
 * split, the first layers on the origin and the rest on one random server, as a device/edge split would
 * do; a layer that cannot run where the plan puts it goes to its first eligible node. Seeded.
 */
final class Plans {
    private Plans() {}

    static int[][] singleSplit(CompiledInstance ci, long seed) {
        Random r = new Random(seed);
        List<Integer> servers = new ArrayList<>();
        for (int n = 0; n < ci.nodeCount(); n++) if (ci.nodeKind(n) != NodeKind.DEVICE) servers.add(n);
        int[][] plan = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            int L = ci.layerCount(t);
            int split = r.nextInt(L + 1);
            int server = servers.isEmpty() ? ci.origin(t) : servers.get(r.nextInt(servers.size()));
            plan[t] = new int[L];
            for (int l = 0; l < L; l++) {
                int n = l < split ? ci.origin(t) : server;
                plan[t][l] = ci.canRun(t, l, n) ? n : ci.nodesFor(t, l)[0];
            }
        }
        return plan;
    }
}
