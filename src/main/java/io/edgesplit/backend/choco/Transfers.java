package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The transfer slots of a task in a {@link ChocoModel}, their ingress tasks, and the task's completion. */
final class Transfers {
    private Transfers() {}

    /**
     * The transfers of task t (docs/model.md, "Decisions and required transfers"): input transfers from the origin, internal ones from the producer's
     * node, return transfers of output layers to the origin; and the completion variable.
     */
    static List<ChocoModel.TransferVar> build(ChocoModel m, int t, List<List<Task>> ingressTasks) {
        CompiledInstance ci = m.ci;
        Model model = m.model;
        IntVar[][] S = m.S, E = m.E;
        BoolVar[][][] x = m.x;
        IntVar[] completion = m.completion;
        long[] horizon = m.horizon;
        Schedule incumbent = m.incumbent;
        List<ChocoModel.TransferVar> out = new ArrayList<>();
        int origin = ci.origin(t);
        int L = ci.layerCount(t);
        int H = (int) horizon[t];
        List<IntVar> arrivalsAtOrigin = new ArrayList<>();
        for (int tensor = -1; tensor < L; tensor++) {
            m.checkTime();
            List<Integer> consumers = new ArrayList<>();
            if (tensor < 0) {
                for (int l = 0; l < L; l++) if (ci.readsInput(t, l)) consumers.add(l);
            } else {
                for (int c : ci.succs(t, tensor)) consumers.add(c);
            }
            boolean output = tensor >= 0 && ci.isOutput(t, tensor);
            int[] sources = tensor < 0 ? new int[]{origin} : m.nodesFor(t, tensor);
            Set<Integer> destinations = new LinkedHashSet<>();
            for (int c : consumers) for (int q : m.nodesFor(t, c)) destinations.add(q);
            if (output) destinations.add(origin);
            double bytes = ci.tensorBytes(t, tensor);
            IntVar ready = tensor < 0 ? model.intVar((int) ci.release(t)) : E[t][tensor];
            for (int q : destinations) {
                int[] from = Arrays.stream(sources).filter(p -> p != q).toArray();
                if (from.length == 0) {
                    // Never a transfer: the tensor is always made on q. Only a return needs recording.
                    if (output && q == origin) arrivalsAtOrigin.add(ready);
                    continue;
                }
                // need: some consumer sits on q (a return is always needed at the origin).
                BoolVar need;
                if (output && q == origin) need = model.boolVar(true);
                else {
                    List<BoolVar> on = new ArrayList<>();
                    for (int c : consumers) if (m.canRun(t, c, q)) on.add(x[t][c][q]);
                    if (on.size() == 1) need = on.get(0);
                    else {
                        need = model.boolVar("need_" + t + "_" + tensor + "_" + q);
                        model.addClausesBoolOrArrayEqVar(on.toArray(new BoolVar[0]), need);
                    }
                }
                IntVar ts = model.intVar("TS_" + t + "_" + tensor + "_" + q, ready.getLB(), H, true);
                model.arithm(ts, ">=", ready).post();
                // performedFrom[p] = need ∧ source on p; at most one source, so performed = Σ of them.
                BoolVar[] performedFrom = new BoolVar[from.length];
                int[] dur = new int[from.length];
                for (int i = 0; i < from.length; i++) {
                    int p = from[i];
                    BoolVar src = tensor < 0 ? model.boolVar(true) : x[t][tensor][p];
                    if (need.isInstantiatedTo(1)) performedFrom[i] = src;
                    else if (src.isInstantiatedTo(1)) performedFrom[i] = need;
                    else {
                        performedFrom[i] = model.boolVar("z_" + t + "_" + tensor + "_" + p + "_" + q);
                        model.addClausesBoolAndEqVar(need, src, performedFrom[i]);
                    }
                    dur[i] = (int) ci.transfer(bytes, p, q);
                    if (ci.contention() == Contention.INGRESS && dur[i] > 0)
                        ingressTasks.get(q).add(performedFrom[i].isInstantiatedTo(1) ? model.taskVar(ts, dur[i])
                                : m.alternative(ts, ready.getLB(), dur[i], performedFrom[i], "TS_" + t + "_" + tensor + "_" + p + "_" + q));
                }
                BoolVar performed;
                if (from.length == 1) performed = performedFrom[0];
                else {
                    performed = model.boolVar("r_" + t + "_" + tensor + "_" + q);
                    model.sum(performedFrom, "=", performed).post();
                }
                // A transfer that does not happen, and every transfer under contention none (it only delays:
                // starting it at the producer's end is dominant), sits at the producer's end, so no search
                // is spent on it.
                if (ci.contention() == Contention.NONE) model.arithm(ts, "=", ready).post();
                else if (!performed.isInstantiatedTo(1)) model.arithm(ts, "<=", ready).impliedBy(performed.not());
                else if (m.fixedTimes(t)) {
                    // a sub-model task whose times are fixed: its (performed) transfer starts as in the incumbent
                    for (Transfer tr : incumbent.transfers(t))
                        if (tr.tensor() == tensor && tr.to() == q) model.arithm(ts, "=", (int) tr.start()).post();
                }
                // arrival = TS + Σ_p dur(p,q)·performedFrom[p]: it equals TS (= ready) whenever the transfer
                // is not performed, whether the source is q or no consumer sits on q. It must not use the
                // source indicator alone: the arrival's domain ends at the horizon, and a phantom transfer
                // (source on p, nothing needed on q) would then have to "arrive" by the horizon, which cut
                // off optimal schedules (docs/choco.md, "A wrong optimum"). A constant-duration arrival
                // is an unbounded view and only ever read where the transfer is performed.
                IntVar arrival;
                boolean constantDuration = from.length == 1 && (tensor < 0 || sources.length == 1);
                if (constantDuration) arrival = model.offset(ts, dur[0]);
                else {
                    arrival = model.intVar("A_" + t + "_" + tensor + "_" + q, ready.getLB(), H, true);
                    IntVar[] vs = new IntVar[from.length + 2];
                    int[] cs = new int[from.length + 2];
                    vs[0] = ts;
                    cs[0] = 1;
                    vs[1] = arrival;
                    cs[1] = -1;
                    for (int i = 0; i < from.length; i++) {
                        vs[i + 2] = performedFrom[i];
                        cs[i + 2] = dur[i];
                    }
                    model.scalar(vs, cs, "=", 0).post();
                }
                for (int c : consumers)
                    if (m.canRun(t, c, q)) model.arithm(S[t][c], ">=", arrival).impliedBy(x[t][c][q]);
                if (output && q == origin) arrivalsAtOrigin.add(arrival);
                out.add(new ChocoModel.TransferVar(tensor, q, ts, from, performed));
            }
        }
        // C_t (docs/model.md, constraint 7): the latest arrival of an output at the origin (an output made on the origin
        // "arrives" at its end: the return transfer then does not exist and its start sits at that end).
        IntVar[] arr = arrivalsAtOrigin.toArray(new IntVar[0]);
        long lo = 0;
        for (IntVar a : arr) lo = Math.max(lo, a.getLB());
        completion[t] = model.intVar("C_" + t, (int) lo, (int) Math.max(lo, H), true);
        if (arr.length == 1) model.arithm(completion[t], "=", arr[0]).post();
        else model.max(completion[t], arr).post();
        return out;
    }
}
