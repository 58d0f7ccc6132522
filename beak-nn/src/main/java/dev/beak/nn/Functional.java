package dev.beak.nn;

import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.tensor.Shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functional API (Keras' design): declare inputs, apply layers to {@link SymbolicTensor}s, and
 * turn the inputs and outputs into a graph {@link Model}. Branches, residual additions,
 * concatenations, several inputs and several outputs are all written the same way.
 *
 * {@snippet :
 * SymbolicTensor x = Functional.input(16, 8, 8);
 * SymbolicTensor h = x.then(Layers.conv2d(16, 3).withPadding(Padding.SAME)).then(Layers.relu())
 *         .then(Layers.conv2d(16, 3).withPadding(Padding.SAME));
 * SymbolicTensor y = Functional.add(x, h).then(Layers.relu());            // a residual block
 * Model model = Functional.model("resblock", x, y);
 * }
 */
public final class Functional {
    private Functional() {}

    /** A model input with per-sample shape {@code shape} (no batch dimension). */
    public static SymbolicTensor input(int... shape) {
        for (int d : shape) if (d < 1) throw new IllegalArgumentException("input shape " + Shape.toString(shape) + " has a dimension < 1");
        return new SymbolicTensor(shape, null, null, List.of());
    }

    /** Applies {@code layer} to {@code inputs}, with an automatic, Keras-style name (conv2d, conv2d_1, ...). */
    public static SymbolicTensor apply(LayerSpec layer, SymbolicTensor... inputs) {
        return apply(null, layer, inputs);
    }

    /** Applies {@code layer} to {@code inputs} as the graph node {@code layerName}; the output shape is checked now. */
    public static SymbolicTensor apply(String layerName, LayerSpec layer, SymbolicTensor... inputs) {
        if (inputs.length == 0) throw new IllegalArgumentException(layer.type() + " needs at least one input");
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) shapes[i] = inputs[i].shape();
        int[] out;
        try {
            out = layer.outputShape(shapes);
        } catch (IllegalArgumentException e) {
            String who = (layerName == null ? layer.baseName() : layerName) + " (" + layer.type() + ")";
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
        return new SymbolicTensor(out, layer, layerName, List.of(inputs));
    }

    /** Element-wise sum (a residual join); see {@link Add}. */
    public static SymbolicTensor add(SymbolicTensor... inputs) {
        return apply(new Add(), inputs);
    }

    /** Concatenation over channels (per-sample axis 0); see {@link Concat}. */
    public static SymbolicTensor concat(SymbolicTensor... inputs) {
        return apply(new Concat(0), inputs);
    }

    /** A single-input, single-output model. */
    public static Model model(String name, SymbolicTensor input, SymbolicTensor output) {
        return model(name, List.of(input), List.of(output), 0);
    }

    /**
     * The graph model from {@code inputs} to {@code outputs}, built for the inputs' shapes, with
     * weights drawn from {@code seed}. Every layer the outputs depend on becomes a node; each input
     * the graph reads must be listed.
     */
    public static Model model(String name, List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, long seed) {
        return graph(name, inputs, outputs, seed, true);
    }

    /**
     * The same graph model, not built yet: no weight is allocated until {@link Model#build} or its first
     * input (a profile of a large network costs nothing; see {@link ModelProfile}).
     */
    public static Model lazyModel(String name, List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, long seed) {
        return graph(name, inputs, outputs, seed, false);
    }

    private static Model graph(String name, List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, long seed, boolean build) {
        if (outputs.isEmpty()) throw new IllegalArgumentException("model " + name + " needs at least one output");
        Map<SymbolicTensor, Integer> inputIndex = new IdentityHashMap<>();
        for (SymbolicTensor in : inputs) {
            if (!in.isInput()) throw new IllegalArgumentException("model " + name + ": " + in + " is listed as an input but is a layer output");
            inputIndex.put(in, inputIndex.size());
        }
        List<SymbolicTensor> layers = reachableLayers(name, outputs, inputIndex);
        Map<SymbolicTensor, Integer> nodeIndex = new IdentityHashMap<>();
        List<String> names = names(name, layers);
        List<GraphNode> nodes = new ArrayList<>();
        for (SymbolicTensor t : layers) {
            int[] from = new int[t.inputs().size()];
            for (int j = 0; j < from.length; j++) {
                SymbolicTensor in = t.inputs().get(j);
                from[j] = in.isInput() ? GraphNode.modelInput(inputIndex.get(in)) : nodeIndex.get(in);
            }
            nodeIndex.put(t, nodes.size());
            nodes.add(new GraphNode(names.get(nodes.size()), t.spec(), from));
        }
        int[] outs = new int[outputs.size()];
        for (int i = 0; i < outs.length; i++) {
            if (outputs.get(i).isInput()) throw new IllegalArgumentException("model " + name + ": output " + i + " is a model input; apply a layer to it");
            outs[i] = nodeIndex.get(outputs.get(i));
        }
        int[][] shapes = new int[inputs.size()][];
        for (int i = 0; i < shapes.length; i++) shapes[i] = inputs.get(i).shape();
        return Model.graph(name, nodes, inputs.size(), outs, build ? shapes : null, seed);
    }

    /** The layer tensors the outputs depend on, in creation order (which is a topological order). */
    private static List<SymbolicTensor> reachableLayers(String model, List<SymbolicTensor> outputs, Map<SymbolicTensor, Integer> inputs) {
        Set<SymbolicTensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<SymbolicTensor> todo = new ArrayDeque<>(outputs);
        List<SymbolicTensor> layers = new ArrayList<>();
        while (!todo.isEmpty()) {
            SymbolicTensor t = todo.pop();
            if (!seen.add(t)) continue;
            if (t.isInput()) {
                if (!inputs.containsKey(t)) {
                    throw new IllegalArgumentException("model " + model + " reads " + t + ", which is not among its inputs");
                }
                continue;
            }
            layers.add(t);
            todo.addAll(t.inputs());
        }
        layers.sort(Comparator.comparingLong(SymbolicTensor::id));
        return layers;
    }

    /** Given names as they are (unique), automatic ones Keras-style from each layer's base name, skipping taken names. */
    private static List<String> names(String model, List<SymbolicTensor> layers) {
        Set<String> taken = new HashSet<>();
        for (SymbolicTensor t : layers) {
            if (t.name() != null && !taken.add(t.name())) {
                throw new IllegalArgumentException("model " + model + " has two layers called \"" + t.name() + "\"");
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (SymbolicTensor t : layers) {
            if (t.name() != null) {
                names.add(t.name());
                continue;
            }
            String base = t.spec().baseName(), candidate;
            do {
                int k = counters.merge(base, 1, Integer::sum) - 1;
                candidate = k == 0 ? base : base + "_" + k;
            } while (!taken.add(candidate));
            names.add(candidate);
        }
        return names;
    }
}
