package dev.beak.nn;

import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.Parameter;
import dev.beak.nn.optim.ParameterGroup;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Per-layer training settings of a model: frozen or not, and a learning-rate multiplier. A frozen
 * layer's parameters stop requiring gradients, so backward computes none for them (ops skip weight
 * gradients of tensors that do not need one) and the optimizer never sees them.
 */
final class Trainability {
    private final List<GraphNode> nodes;
    private final boolean[] frozen;
    private final double[] multiplier;

    Trainability(List<GraphNode> nodes) {
        this.nodes = nodes;
        this.frozen = new boolean[nodes.size()];
        this.multiplier = new double[nodes.size()];
        Arrays.fill(multiplier, 1.0);
    }

    /** Node indices whose name starts with {@code prefix}; fails, listing the names, when there is none. */
    int[] matching(String prefix) {
        int[] hits = IntStream.range(0, nodes.size()).filter(i -> nodes.get(i).name().startsWith(prefix)).toArray();
        if (hits.length == 0) {
            throw new IllegalArgumentException("no layer name starts with \"" + prefix + "\"; the layers are "
                    + nodes.stream().map(GraphNode::name).toList());
        }
        return hits;
    }

    /** Index of the layer called {@code name} exactly. */
    int index(String name) {
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("no layer is called \"" + name + "\"; the layers are " + nodes.stream().map(GraphNode::name).toList());
    }

    void setFrozen(IntPredicate which, boolean value) {
        for (int i = 0; i < frozen.length; i++) if (which.test(i)) frozen[i] = value;
    }

    void setMultiplier(int i, double m) {
        if (!(m >= 0 && Double.isFinite(m))) throw new IllegalArgumentException("learning-rate multiplier must be finite and >= 0, got " + m);
        multiplier[i] = m;
    }

    boolean isFrozen(int i) {
        return frozen[i];
    }

    /** The frozen layers (graph order) and the multipliers other than 1, by layer name. */
    TrainingSettings settings() {
        List<String> names = new ArrayList<>();
        Map<String, Double> multipliers = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (frozen[i]) names.add(nodes.get(i).name());
            if (multiplier[i] != 1.0) multipliers.put(nodes.get(i).name(), multiplier[i]);
        }
        return new TrainingSettings(names, multipliers);
    }

    /** Replaces every setting: exactly the named layers frozen, the named multipliers, 1 elsewhere; an unknown name fails first. */
    void restore(TrainingSettings s) {
        List<Integer> frozenIndices = s.frozen().stream().map(this::index).toList();
        Map<Integer, Double> multipliers = new LinkedHashMap<>();
        s.learningRateMultipliers().forEach((name, m) -> multipliers.put(index(name), m));
        Arrays.fill(frozen, false);
        Arrays.fill(multiplier, 1.0);
        frozenIndices.forEach(i -> frozen[i] = true);
        multipliers.forEach(this::setMultiplier);
    }

    /** Makes the built layers' parameters follow the settings: frozen ones need no gradient and lose any they had. */
    void apply(Layer[] layers) {
        if (layers == null) return;
        for (int i = 0; i < layers.length; i++) {
            for (Parameter p : layers[i].parameters()) {
                p.value().requiresGrad(!frozen[i]);
                if (frozen[i]) p.value().clearGrad();
            }
        }
    }

    /** The trainable parameters, one group per distinct multiplier, in graph order. */
    List<ParameterGroup> groups(Layer[] layers) {
        Map<Double, List<Tensor>> byMultiplier = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            if (frozen[i]) continue;
            for (Parameter p : layers[i].parameters()) byMultiplier.computeIfAbsent(multiplier[i], k -> new ArrayList<>()).add(p.value());
        }
        List<ParameterGroup> groups = new ArrayList<>();
        byMultiplier.forEach((m, ps) -> groups.add(new ParameterGroup(ps, m)));
        return groups;
    }
}
