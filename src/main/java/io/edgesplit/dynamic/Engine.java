package io.edgesplit.dynamic;

import io.edgesplit.dynamic.Scenario.Dispatch;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.schedule.Block;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The discrete-event core (docs/dynamic.md §4). Time is the realised instance's integer ticks. Each node has a
 * compute queue and (contention ingress) an ingress queue of units in {@link Unit#QUEUE_ORDER}; only a queue's
 * head may start, when its resource is free, everything it reads is on its node in time, and (dispatch
 * timetable) its planned tick has come. Durations are the realised ones ({@link CompiledInstance#procAt},
 * {@link CompiledInstance#transferAt}): work that has started runs to completion at the speed in force at its
 * start. Plans come from a {@link Planner} at decision points.
 */
final class Engine {
    /** What plans: given the requests to plan and the prediction of each node's committed work, a plan. */
    interface Planner {
        Plan plan(int[] requests, long now, long[] predictedFree, long epoch);
    }

    /** A plan for some requests: per request (same order as asked), the placement and absolute planned starts. */
    record Plan(int[][] placement, long[][] layerStart, List<List<Transfer>> transfers) {}

    private static final int END = 0, ARRIVAL = 1, TICK = 2, TIMER = 3;

    private record Event(long time, int type, long seq, Unit unit, int request) {}

    private final CompiledInstance world;
    private final Scenario.Decisions decisions;
    private final boolean timetable, ingress, replan;
    private final Planner planner;
    private final int R, N;
    private final int[][] node;
    private final long[][] layerStart, layerEnd;
    private final List<Map<Integer, Unit>> transfersOf = new ArrayList<>();
    private final List<List<Unit>> unitsOf = new ArrayList<>();
    private final int[] remaining;
    private final boolean[] committed, planned, done, released;
    private final long[] completion;
    private final TreeSet<Integer> waiting = new TreeSet<>();
    private final List<TreeSet<Unit>> computeQ = new ArrayList<>(), ingressQ = new ArrayList<>();
    private final TreeSet<Unit> freeTransfers = new TreeSet<>(Unit.QUEUE_ORDER); // contention none: no queue
    private final TreeSet<Unit> committedPending = new TreeSet<>(Unit.QUEUE_ORDER);
    private final long[] computeBusy, ingressBusy;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
            : a.type != b.type ? Integer.compare(a.type, b.type) : Long.compare(a.seq, b.seq));
    private long eventSeq, unitSeq, epoch;
    private int doneCount;

    Engine(CompiledInstance world, Scenario.Decisions decisions, Dispatch dispatch, boolean replan, Planner planner) {
        this.world = world;
        this.decisions = decisions;
        this.timetable = dispatch == Dispatch.TIMETABLE;
        this.ingress = world.contention() == Contention.INGRESS;
        this.replan = replan;
        this.planner = planner;
        R = world.taskCount();
        N = world.nodeCount();
        node = new int[R][];
        layerStart = new long[R][];
        layerEnd = new long[R][];
        remaining = new int[R];
        committed = new boolean[R];
        planned = new boolean[R];
        done = new boolean[R];
        released = new boolean[R];
        completion = new long[R];
        for (int r = 0; r < R; r++) {
            transfersOf.add(new HashMap<>());
            unitsOf.add(new ArrayList<>());
        }
        computeBusy = new long[N];
        ingressBusy = new long[N];
        for (int n = 0; n < N; n++) {
            computeQ.add(new TreeSet<>(Unit.QUEUE_ORDER));
            ingressQ.add(new TreeSet<>(Unit.QUEUE_ORDER));
            computeBusy[n] = world.availableAt(n);
        }
    }

    /** Runs until every request has completed; returns the executed schedule of the realised instance. */
    Schedule run() {
        for (int r = 0; r < R; r++) push(world.release(r), ARRIVAL, null, r);
        long every = decisions.everySeconds() > 0 ? Math.max(1, Math.round(decisions.everySeconds() / world.timeUnit())) : 0;
        if (every > 0) push(every, TICK, null, -1);
        while (!events.isEmpty()) {
            long now = events.peek().time;
            boolean arrival = false, completed = false, tick = false;
            while (!events.isEmpty() && events.peek().time == now) {
                Event e = events.poll();
                switch (e.type) {
                    case END -> completed |= finish(e.unit);
                    case ARRIVAL -> {
                        released[e.request] = true;
                        waiting.add(e.request);
                        arrival = true;
                    }
                    case TICK -> {
                        tick = true;
                        if (doneCount < R) push(now + every, TICK, null, -1);
                    }
                    default -> { if (e.unit.timerAt == now) e.unit.timerAt = -1; }
                }
            }
            while (true) {
                if ((arrival && decisions.onArrival()) || (completed && decisions.onCompletion()) || tick) decide(now);
                arrival = tick = false;
                completed = dispatch(now);
                if (!completed) break;
            }
            if (doneCount == R) break;
        }
        if (doneCount < R) throw new IllegalStateException("the simulation stalled with " + (R - doneCount)
                + " requests unfinished: a plan's order on some resource contradicts its own precedences (a bug; please report the scenario and seed)");
        return trace();
    }

    // ------------------------------------------------------------------ decisions

    private void decide(long now) {
        int[] toPlan = replan ? waiting.stream().mapToInt(Integer::intValue).toArray()
                : waiting.stream().filter(r -> !planned[r]).mapToInt(Integer::intValue).toArray();
        if (toPlan.length == 0) return;
        for (int r : toPlan) { // a re-plan replaces the tentative plan of a request that has not started
            for (Unit u : unitsOf.get(r)) queueOf(u).remove(u);
            unitsOf.get(r).clear();
            transfersOf.get(r).clear();
        }
        epoch++;
        Plan plan = planner.plan(toPlan, now, predictFree(now), epoch);
        for (int k = 0; k < toPlan.length; k++) {
            int r = toPlan[k];
            apply(r, plan.placement()[k], plan.layerStart()[k], plan.transfers().get(k));
            planned[r] = true;
            if (!replan) commit(r);
        }
    }

    private void apply(int r, int[] placement, long[] starts, List<Transfer> transfers) {
        node[r] = placement.clone();
        layerStart[r] = new long[placement.length];
        layerEnd[r] = new long[placement.length];
        Arrays.fill(layerStart[r], -1);
        Arrays.fill(layerEnd[r], -1);
        // Units in an order where every dependency is created first (blocks in list order, each transfer after
        // its producer's block), so creation order is a valid tie-break and the prediction's pass order.
        List<Block> blocks = ScheduleBuilder.blocks(world, r, placement);
        List<Transfer> byTensor = new ArrayList<>(transfers);
        byTensor.sort((a, b) -> Integer.compare(a.tensor(), b.tensor()));
        int ti = 0;
        while (ti < byTensor.size() && byTensor.get(ti).tensor() < 0) addTransfer(r, byTensor.get(ti++));
        for (Block b : blocks) {
            Unit u = Unit.compute(r, b.node(), b.first(), b.last(), starts[b.first()], epoch, unitSeq++);
            unitsOf.get(r).add(u);
            computeQ.get(u.node).add(u);
            while (ti < byTensor.size() && byTensor.get(ti).tensor() <= b.last()) addTransfer(r, byTensor.get(ti++));
        }
        remaining[r] = unitsOf.get(r).size();
    }

    private void addTransfer(int r, Transfer t) {
        Unit u = Unit.transfer(r, t.tensor(), t.from(), t.to(), t.start(), epoch, unitSeq++);
        unitsOf.get(r).add(u);
        transfersOf.get(r).put(key(t.tensor(), t.to()), u);
        queueOf(u).add(u);
    }

    private TreeSet<Unit> queueOf(Unit u) {
        if (!u.isTransfer()) return computeQ.get(u.node);
        return ingress ? ingressQ.get(u.node) : freeTransfers;
    }

    private void commit(int r) {
        committed[r] = true;
        waiting.remove(r);
        for (Unit u : unitsOf.get(r)) if (!u.started) committedPending.add(u);
    }

    private int key(int tensor, int to) { return (tensor + 1) * N + to; }

    // ------------------------------------------------------------------ dispatch

    /** Starts every head that can start now; returns whether some request completed at once (zero ticks). */
    private boolean dispatch(long now) {
        boolean completed = false, progress = true;
        while (progress) {
            progress = false;
            for (int n = 0; n < N; n++) {
                if (!computeQ.get(n).isEmpty()) {
                    Unit u = computeQ.get(n).first();
                    if (computeBusy[n] <= now || zeroAt(u, now)) {
                        long at = readyAt(u, now);
                        if (at == now) { completed |= start(u, now); progress = true; }
                        else if (at > now) timer(u, at);
                    }
                }
                if (ingress && !ingressQ.get(n).isEmpty()) {
                    Unit u = ingressQ.get(n).first();
                    if (ingressBusy[n] <= now || zeroAt(u, now)) {
                        long at = readyAt(u, now);
                        if (at == now) { completed |= start(u, now); progress = true; }
                        else if (at > now) timer(u, at);
                    }
                }
            }
            if (!ingress && !freeTransfers.isEmpty()) {
                for (Unit u : new ArrayList<>(freeTransfers)) {
                    long at = readyAt(u, now);
                    if (at == now) { completed |= start(u, now); progress = true; }
                    else if (at > now) timer(u, at);
                }
            }
        }
        return completed;
    }

    private void timer(Unit u, long at) {
        if (u.timerAt == at) return;
        u.timerAt = at;
        push(at, TIMER, u, u.request);
    }

    /** Zero-tick work occupies nothing (docs/model.md §4), so it may start while its node is busy. */
    private boolean zeroAt(Unit u, long now) {
        if (u.isTransfer()) return duration(u, now) == 0;
        for (int l = u.first; l <= u.last; l++) if (world.procAt(u.request, l, u.node, now) != 0) return false;
        return true;
    }

    private long duration(Unit u, long at) {
        return world.transferAt(world.tensorBytes(u.request, u.tensor), u.from, u.node, at);
    }

    /** The earliest tick ≥ now at which the unit may start, or −1 when something it reads is not yet under way. */
    private long readyAt(Unit u, long now) {
        int r = u.request;
        long lower = timetable ? Math.max(now, u.planned) : now;
        if (u.isTransfer()) {
            long ready = u.tensor < 0 ? world.release(r) : layerEnd[r][u.tensor];
            if (ready < 0) return -1;
            return Math.max(lower, ready);
        }
        lower = Math.max(lower, world.availableAt(u.node));
        int k = u.last - u.first + 1;
        long[] arrival = new long[k];
        for (int i = 0; i < k; i++) {
            int l = u.first + i;
            long a = 0;
            if (world.readsInput(r, l)) {
                if (u.node == world.origin(r)) a = world.release(r);
                else {
                    Unit t = transfersOf.get(r).get(key(-1, u.node));
                    if (t == null || !t.started) return -1;
                    a = t.end;
                }
            }
            for (int p : world.preds(r, l)) {
                if (p >= u.first && p <= u.last) continue;
                long e;
                if (node[r][p] == u.node) e = layerEnd[r][p];
                else {
                    Unit t = transfersOf.get(r).get(key(p, u.node));
                    if (t == null || !t.started) return -1;
                    e = t.end;
                }
                if (e < 0) return -1;
                a = Math.max(a, e);
            }
            arrival[i] = a;
        }
        // The block runs back to back (granularity segment), so a later layer's input may arrive while earlier
        // layers run: find the earliest start at which every layer's inputs are there by its own start.
        long s = lower, latest = lower;
        for (long a : arrival) latest = Math.max(latest, a);
        for (int iter = 0; iter < 64; iter++) {
            long st = s, need = s;
            for (int i = 0; i < k; i++) {
                if (arrival[i] > st) need = Math.max(need, s + (arrival[i] - st));
                st += world.procAt(r, u.first + i, u.node, st);
            }
            if (need == s) return s;
            s = need;
        }
        return latest; // everything is there by then, whatever the durations
    }

    /** Starts a unit; returns whether its request completed at once. */
    private boolean start(Unit u, long s) {
        int r = u.request;
        queueOf(u).remove(u);
        committedPending.remove(u);
        u.started = true;
        u.start = s;
        u.timerAt = -1;
        if (!committed[r]) commit(r);
        if (u.isTransfer()) {
            u.end = s + duration(u, s);
            if (ingress && u.end > s) ingressBusy[u.node] = u.end;
        } else {
            long st = s;
            for (int l = u.first; l <= u.last; l++) {
                layerStart[r][l] = st;
                st += world.procAt(r, l, u.node, st);
                layerEnd[r][l] = st;
            }
            u.end = st;
            if (u.end > s) computeBusy[u.node] = u.end;
        }
        if (u.end > s) {
            push(u.end, END, u, r);
            return false;
        }
        return finish(u);
    }

    /** A unit ended; returns whether its request is complete. */
    private boolean finish(Unit u) {
        int r = u.request;
        if (--remaining[r] > 0) return false;
        done[r] = true;
        doneCount++;
        long c = Long.MIN_VALUE;
        int origin = world.origin(r);
        for (int l = 0; l < node[r].length; l++)
            if (world.isOutput(r, l)) {
                if (node[r][l] == origin) c = Math.max(c, layerEnd[r][l]);
                else c = Math.max(c, transfersOf.get(r).get(key(l, origin)).end);
            }
        completion[r] = c;
        return true;
    }

    private void push(long time, int type, Unit u, int request) { events.add(new Event(time, type, eventSeq++, u, request)); }

    // ------------------------------------------------------------------ prediction

    /**
     * Each node's predicted end of its committed work at the speeds in force now: one pass over committed,
     * not-started units in queue order (dependencies come first within a plan), starting each at the earliest
     * tick its resource, its inputs and (timetable) its planned tick allow.
     */
    private long[] predictFree(long now) {
        long[] free = new long[N], inFree = new long[N];
        for (int n = 0; n < N; n++) {
            free[n] = Math.max(now, computeBusy[n]);
            inFree[n] = Math.max(now, ingressBusy[n]);
        }
        Map<Unit, Long> predicted = new HashMap<>();
        for (Unit u : committedPending) {
            int r = u.request;
            long s = timetable ? Math.max(now, u.planned) : now;
            if (u.isTransfer()) {
                long ready = u.tensor < 0 ? world.release(r) : endOf(r, u.tensor, predicted);
                s = Math.max(s, ready);
                if (ingress) s = Math.max(s, inFree[u.node]);
                long e = s + world.transferAt(world.tensorBytes(r, u.tensor), u.from, u.node, now);
                if (ingress && e > s) inFree[u.node] = e;
                predicted.put(u, e);
            } else {
                s = Math.max(s, free[u.node]);
                for (int l = u.first; l <= u.last; l++) {
                    if (world.readsInput(r, l) && u.node != world.origin(r)) s = Math.max(s, arrivalOf(r, -1, u.node, predicted));
                    for (int p : world.preds(r, l))
                        if (p < u.first || p > u.last)
                            s = Math.max(s, node[r][p] == u.node ? endOf(r, p, predicted) : arrivalOf(r, p, u.node, predicted));
                }
                long e = s;
                for (int l = u.first; l <= u.last; l++) e += world.procAt(r, l, u.node, now);
                if (e > s) free[u.node] = e;
                predicted.put(u, e);
            }
        }
        return free;
    }

    private long endOf(int r, int layer, Map<Unit, Long> predicted) {
        if (layerEnd[r][layer] >= 0) return layerEnd[r][layer];
        for (Unit u : unitsOf.get(r))
            if (!u.isTransfer() && layer >= u.first && layer <= u.last) return predicted.getOrDefault(u, u.planned);
        return 0;
    }

    private long arrivalOf(int r, int tensor, int to, Map<Unit, Long> predicted) {
        Unit t = transfersOf.get(r).get(key(tensor, to));
        if (t == null) return 0;
        if (t.started) return t.end;
        return predicted.getOrDefault(t, t.planned);
    }

    // ------------------------------------------------------------------ the trace

    private Schedule trace() {
        List<List<Transfer>> tr = new ArrayList<>(R);
        for (int r = 0; r < R; r++) {
            List<Transfer> list = new ArrayList<>();
            for (Unit u : unitsOf.get(r)) if (u.isTransfer()) list.add(new Transfer(u.tensor, u.from, u.node, u.start));
            tr.add(list);
        }
        return new Schedule(node, layerStart, tr);
    }

    long completion(int r) { return completion[r]; }
}
