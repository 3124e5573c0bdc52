package io.edgesplit.backend.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.Literal;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.SolveOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Symmetry breaking among identical nodes, and the relabelling that keeps a warm start consistent with it. */
abstract class CpSatSymmetry extends CpSatVariables {
    CpSatSymmetry(CompiledInstance ci, SolveOptions options, SubModel scope) { super(ci, options, scope); }

    /**
     * Identical nodes (same ticks for every layer and every tensor to and from every other node, same
     * eligibility, availableAt, kind, fluctuations, and no task's origin) are interchangeable: relabelling them maps
     * solutions to solutions of equal objective. We keep only the labelling in which, for consecutive
     * nodes a < b of a class, a is first used by an earlier activity (task-major, layer order) than b.
     */
    void breakSymmetry() {
        boolean[] isOrigin = new boolean[N];
        for (int t = 0; t < ci.taskCount(); t++) isOrigin[ci.origin(t)] = true;
        boolean[] taken = new boolean[N];
        for (int a = 0; a < N; a++) {
            if (taken[a] || isOrigin[a]) continue;
            List<Integer> cls = new ArrayList<>(List.of(a));
            for (int b = a + 1; b < N; b++)
                if (!taken[b] && !isOrigin[b] && identical(a, b)) {
                    cls.add(b);
                    taken[b] = true;
                }
            if (cls.size() < 2) continue;
            classes.add(cls);
            for (int k = 0; k + 1 < cls.size(); k++) pairConstraint(cls.get(k), cls.get(k + 1));
        }
    }

    boolean identical(int a, int b) {
        if (ci.nodeKind(a) != ci.nodeKind(b) || ci.availableAt(a) != ci.availableAt(b)) return false;
        // Nodes whose speeds or links change differently over time (docs/model.md §8) are not interchangeable.
        for (long s : steps)
            if (ci.computeFactor(a, s) != ci.computeFactor(b, s) || ci.linkFactor(a, s) != ci.linkFactor(b, s)) return false;
        for (int t = 0; t < ci.taskCount(); t++) {
            if (ci.eligible(t, a) != ci.eligible(t, b)) return false;
            for (int l = 0; l < ci.layerCount(t); l++) if (ci.proc(t, l, a) != ci.proc(t, l, b)) return false;
            for (int tensor = -1; tensor < ci.layerCount(t); tensor++) {
                double bytes = ci.tensorBytes(t, tensor);
                if (ci.transfer(bytes, a, b) != ci.transfer(bytes, b, a)) return false;
                for (int r = 0; r < N; r++) {
                    if (r == a || r == b) continue;
                    if (ci.transfer(bytes, a, r) != ci.transfer(bytes, b, r) || ci.transfer(bytes, r, a) != ci.transfer(bytes, r, b))
                        return false;
                }
            }
        }
        return true;
    }

    void pairConstraint(int a, int b) {
        List<Literal> xa = new ArrayList<>(), xb = new ArrayList<>();
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) {
                xa.add(onNode[t][l][a]);
                xb.add(onNode[t][l][b]);
            }
        BoolVar[] prefix = new BoolVar[xa.size()];
        for (int i = 0; i < xa.size(); i++) {
            prefix[i] = cp.newBoolVar("sym" + a + "_" + b + "_" + i);
            // prefix[i] ⇒ prefix[i−1] ∨ xa[i]: true only when some activity ≤ i is on a.
            List<Literal> or = new ArrayList<>();
            or.add(prefix[i].not());
            if (i > 0) or.add(prefix[i - 1]);
            if (xa.get(i) != null) or.add(xa.get(i));
            cp.addBoolOr(or);
            if (xb.get(i) != null) {
                if (i == 0) cp.addBoolOr(new Literal[]{xb.get(i).not()});
                else cp.addImplication(xb.get(i), prefix[i - 1]);
            }
        }
        symmetric.add(new int[]{a, b});
        prefixes.add(prefix);
    }

    /** Renames identical nodes in a schedule so that each class is used in first-use order. */
    Schedule relabel(Schedule ws) {
        if (classes.isEmpty()) return ws;
        int[] map = new int[N];
        for (int n = 0; n < N; n++) map[n] = n;
        for (List<Integer> cls : classes) {
            List<Integer> order = new ArrayList<>(cls);
            Map<Integer, Integer> firstUse = new HashMap<>();
            int i = 0;
            for (int t = 0; t < ci.taskCount(); t++)
                for (int l = 0; l < ci.layerCount(t); l++, i++) firstUse.putIfAbsent(ws.node(t, l), i);
            order.sort((p, q) -> Integer.compare(firstUse.getOrDefault(p, Integer.MAX_VALUE), firstUse.getOrDefault(q, Integer.MAX_VALUE)));
            for (int k = 0; k < cls.size(); k++) map[order.get(k)] = cls.get(k);
        }
        int T = ci.taskCount();
        int[][] node = new int[T][];
        long[][] start = new long[T][];
        List<List<Transfer>> trs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            node[t] = new int[ci.layerCount(t)];
            start[t] = new long[ci.layerCount(t)];
            for (int l = 0; l < ci.layerCount(t); l++) {
                node[t][l] = map[ws.node(t, l)];
                start[t][l] = ws.start(t, l);
            }
            List<Transfer> tl = new ArrayList<>();
            for (Transfer tr : ws.transfers(t)) tl.add(new Transfer(tr.tensor(), map[tr.from()], map[tr.to()], tr.start()));
            trs.add(tl);
        }
        return new Schedule(node, start, trs);
    }
}
