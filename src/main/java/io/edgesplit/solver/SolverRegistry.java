package io.edgesplit.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The backends found through {@link ServiceLoader}, by name. */
public final class SolverRegistry {
    private final Map<String, Solver> byName = new TreeMap<>();

    private SolverRegistry(Iterable<Solver> solvers) {
        for (Solver s : solvers) {
            Solver previous = byName.putIfAbsent(s.name(), s);
            if (previous != null && previous.getClass() != s.getClass())
                throw new IllegalStateException("two backends are named \"" + s.name() + "\": "
                        + previous.getClass().getName() + " and " + s.getClass().getName());
        }
    }

    /** Every backend on the class path. */
    public static SolverRegistry load() { return new SolverRegistry(ServiceLoader.load(Solver.class)); }

    public static SolverRegistry of(List<Solver> solvers) { return new SolverRegistry(solvers); }

    public List<Solver> all() {
        List<Solver> l = new ArrayList<>(byName.values());
        l.sort(Comparator.comparing(Solver::name));
        return l;
    }

    public List<String> names() { return List.copyOf(byName.keySet()); }

    public Optional<Solver> find(String name) { return Optional.ofNullable(byName.get(name)); }

    /** The backend, or an IllegalArgumentException listing the registered names. */
    public Solver get(String name) {
        Solver s = byName.get(name);
        if (s == null)
            throw new IllegalArgumentException("unknown solver backend \"" + name + "\"; registered: " + String.join(", ", names()));
        return s;
    }
}
