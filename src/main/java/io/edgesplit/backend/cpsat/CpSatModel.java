package io.edgesplit.backend.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.Literal;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.SolveOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The CP-SAT model of one instance: variables, constraints, hints from a schedule and the schedule of a solution. */
final class CpSatModel extends CpSatConstraints {
    /** The model of {@code scope} (the whole instance, or a neighbourhood of a known schedule). */
    CpSatModel(CompiledInstance ci, SolveOptions options, SubModel scope) { super(ci, options, scope); }

    /** Hints every variable with the warm start (relabelled to respect the symmetry breaking). */
    void hint(Schedule ws0) {
        Schedule ws = relabel(ws0);
        Map<Literal, Boolean> val = new IdentityHashMap<>();
        Map<IntVar, Long> startOf = new IdentityHashMap<>(); // for the pieces' literals (fluctuations)
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; layerStart[t] != null && l < ci.layerCount(t); l++) {
                cp.addHint(layerStart[t][l], ws.start(t, l));
                startOf.put(layerStart[t][l], ws.start(t, l));
                cp.addHint(layerEnd[t][l], ws.end(ci, t, l));
                for (int n = 0; n < N; n++) {
                    Literal xn = onNode[t][l][n];
                    if (xn == null || isTrue(xn)) continue;
                    val.put(xn, ws.node(t, l) == n);
                    cp.addHint(xn, ws.node(t, l) == n);
                }
            }
        val.put(TRUE, true);
        for (Def d : defs) {
            boolean v = d.and();
            for (Literal l : d.of()) v = d.and() ? v && val.get(l) : v || val.get(l);
            val.put(d.var(), v);
            cp.addHint(d.var(), v);
        }
        for (int t = 0; t < ci.taskCount(); t++) {
            if (layerStart[t] == null) continue; // not modelled
            Map<Long, Transfer> given = new HashMap<>();
            for (Transfer tr : ws.transfers(t)) given.put(((long) tr.tensor() + 1) * N + tr.to(), tr);
            for (Item[] byTensor : items[t])
                for (Item it : byTensor) {
                    if (it == null) continue;
                    if (it.implicit) continue;
                    Transfer tr = given.get(((long) it.tensor + 1) * N + it.q);
                    long ready = it.tensor < 0 ? ci.release(t) : ws.end(ci, t, it.tensor);
                    long start = tr == null ? ready : tr.start();
                    long dur = tr == null ? 0 : ci.transferAt(ci.tensorBytes(t, it.tensor), tr.from(), it.q, start);
                    cp.addHint(it.ts, start);
                    startOf.put(it.ts, start);
                    cp.addHint(it.te, start + dur);
                }
            cp.addHint(completion[t], ws.completion(ci, t));
        }
        for (Piecewise w : pieced) {
            boolean on = val.get(w.option());
            long s = startOf.get(w.start());
            int k = w.pieces().pieceOf(s);
            for (int i = 0; i < w.lits().length; i++) cp.addHint(w.lits()[i], on && i == k);
            if (w.size() != null) cp.addHint(w.size(), w.pieces().dur()[k]);
        }
        if (makespan != null) {
            long mk = 0;
            for (int t = 0; t < ci.taskCount(); t++) mk = Math.max(mk, ws.completion(ci, t));
            cp.addHint(makespan, mk);
        }
        for (int k = 0; k < symmetric.size(); k++) {
            int a = symmetric.get(k)[0];
            BoolVar[] prefix = prefixes.get(k);
            boolean used = false;
            int i = 0;
            for (int t = 0; t < ci.taskCount(); t++)
                for (int l = 0; l < ci.layerCount(t); l++, i++) {
                    used |= ws.node(t, l) == a;
                    cp.addHint(prefix[i], used);
                }
        }
    }

    /** The schedule of the solver's final solution, with exactly the transfers the placement requires. */
    Schedule extract(CpSolver solver) {
        int T = ci.taskCount();
        int[][] node = new int[T][];
        long[][] start = new long[T][];
        List<List<Transfer>> trs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            int L = ci.layerCount(t);
            if (layerStart[t] == null) { // not modelled: as frozen
                node[t] = new int[L];
                start[t] = new long[L];
                for (int l = 0; l < L; l++) {
                    node[t][l] = frozen.node(t, l);
                    start[t][l] = frozen.start(t, l);
                }
                trs.add(new ArrayList<>(frozen.transfers(t)));
                continue;
            }
            node[t] = new int[L];
            start[t] = new long[L];
            for (int l = 0; l < L; l++) {
                node[t][l] = -1;
                for (int n = 0; n < N; n++)
                    if (onNode[t][l][n] != null && (isTrue(onNode[t][l][n]) || solver.booleanValue(onNode[t][l][n]))) node[t][l] = n;
                start[t][l] = solver.value(layerStart[t][l]);
            }
            List<Transfer> tl = new ArrayList<>();
            for (Item[] byTensor : items[t])
                for (Item it : byTensor) {
                    if (it == null) continue;
                    if (it.implicit) {
                        Transfer tr = implicitTransfer(t, it, node[t], start[t]);
                        if (tr != null) tl.add(tr);
                        continue;
                    }
                    for (int p = 0; p < N; p++)
                        if (it.y[p] != null && (isTrue(it.y[p]) || solver.booleanValue(it.y[p])))
                            tl.add(new Transfer(it.tensor, p, it.q, solver.value(it.ts)));
                }
            trs.add(tl);
        }
        return new Schedule(node, start, trs);
    }

    /** A zero-tick item's transfer when the placement needs it: from the producer's node, as it ends. */
    private Transfer implicitTransfer(int t, Item it, int[] node, long[] start) {
        int p = it.tensor < 0 ? ci.origin(t) : node[it.tensor];
        if (p == it.q) return null;
        boolean needed = false;
        if (it.tensor < 0) {
            for (int l = 0; l < node.length && !needed; l++) needed = ci.readsInput(t, l) && node[l] == it.q;
        } else {
            for (int v : ci.succs(t, it.tensor)) needed |= node[v] == it.q;
            needed |= ci.isOutput(t, it.tensor) && it.q == ci.origin(t);
        }
        if (!needed) return null;
        long at = it.tensor < 0 ? ci.release(t) : start[it.tensor] + ci.procAt(t, it.tensor, p, start[it.tensor]);
        return new Transfer(it.tensor, p, it.q, at);
    }
}
