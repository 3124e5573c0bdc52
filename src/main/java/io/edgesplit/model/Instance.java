package io.edgesplit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem instance exactly as written in a file (docs/formats.md §1), in SI units. Solvers and the validator work
 * on its {@link CompiledInstance} (integer ticks), made by {@link #compile()}. Build instances in code
 * and check them with {@link InstanceChecks#check(Instance)}.
 */
public record Instance(
        String name,
        double timeUnit,
        Objective objective,
        Granularity granularity,
        Contention contention,
        List<DnnModel> models,
        List<Node> nodes,
        Network network,
        List<Profile> profiles,
        List<Task> tasks,
        BestKnown bestKnown,
        List<Fluctuation> fluctuations) {

    public static final double DEFAULT_TIME_UNIT = 1e-6;

    /** An instance whose speeds and bandwidths never change (every offline instance). */
    public Instance(String name, double timeUnit, Objective objective, Granularity granularity, Contention contention,
                    List<DnnModel> models, List<Node> nodes, Network network, List<Profile> profiles, List<Task> tasks,
                    BestKnown bestKnown) {
        this(name, timeUnit, objective, granularity, contention, models, nodes, network, profiles, tasks, bestKnown, List.of());
    }

    public Instance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(contention, "contention");
        Objects.requireNonNull(network, "network");
        models = List.copyOf(models);
        nodes = List.copyOf(nodes);
        profiles = List.copyOf(profiles);
        tasks = List.copyOf(tasks);
        fluctuations = fluctuations == null ? List.of() : List.copyOf(fluctuations);
    }

    /** Whether some node's speed or network changes over time (docs/model.md §8). */
    public boolean fluctuating() { return !fluctuations.isEmpty(); }

    public Instance withFluctuations(List<Fluctuation> f) {
        return new Instance(name, timeUnit, objective, granularity, contention, models, nodes, network, profiles, tasks, bestKnown, f);
    }

    public Optional<DnnModel> model(String modelName) {
        return models.stream().filter(m -> m.name().equals(modelName)).findFirst();
    }

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    public Instance withName(String newName) {
        return new Instance(newName, timeUnit, objective, granularity, contention, models, nodes, network, profiles, tasks, bestKnown, fluctuations);
    }

    public Instance withObjective(Objective o) {
        return new Instance(name, timeUnit, o, granularity, contention, models, nodes, network, profiles, tasks, bestKnown, fluctuations);
    }

    public Instance withGranularity(Granularity g) {
        return new Instance(name, timeUnit, objective, g, contention, models, nodes, network, profiles, tasks, bestKnown, fluctuations);
    }

    public Instance withContention(Contention c) {
        return new Instance(name, timeUnit, objective, granularity, c, models, nodes, network, profiles, tasks, bestKnown, fluctuations);
    }

    public Instance withBestKnown(BestKnown b) {
        return new Instance(name, timeUnit, objective, granularity, contention, models, nodes, network, profiles, tasks, b, fluctuations);
    }

    /**
     * Converts to ticks without the checks of {@link #compile()}: only for instances derived in code from one
     * that passed them (a simulation's residual instances: same models, nodes and links, other numbers in range),
     * where checking thousands of links again at every decision would dominate the decision time.
     */
    public CompiledInstance compileDerived() {
        return CompiledInstance.of(this);
    }

    /**
     * {@link #compileDerived()} with a memo shared by every instance compiled with it: the caller promises that
     * they all have the same nodes, network, models and time unit ({@link CompiledInstance#sharedMemo()}).
     */
    public CompiledInstance compileDerived(java.util.Map<String, Object> sharedMemo) {
        return CompiledInstance.of(this, java.util.Objects.requireNonNull(sharedMemo));
    }

    /** Checks every rule of docs/model.md §1 and converts to ticks (docs/model.md §2). */
    public CompiledInstance compile() {
        InstanceChecks.check(this);
        return CompiledInstance.of(this);
    }
}
