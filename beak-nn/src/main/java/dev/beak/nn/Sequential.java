package dev.beak.nn;

import dev.beak.nn.layer.LayerSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A linear stack of layers: sugar over the graph {@link Model}, each layer reading the previous one.
 *
 * {@snippet :
 * Model model = Sequential.of(Layers.dense(64, Activation.RELU), Layers.dense(10))
 *         .withInputShape(784);
 * }
 */
public final class Sequential {
    private final List<LayerSpec> specs;
    private final String name;
    private final long seed;

    private Sequential(List<LayerSpec> specs, String name, long seed) {
        this.specs = List.copyOf(specs);
        this.name = name;
        this.seed = seed;
    }

    public static Sequential of(LayerSpec... layers) {
        return new Sequential(List.of(layers), "sequential", 0);
    }

    public Sequential add(LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(specs);
        l.add(layer);
        return new Sequential(l, name, seed);
    }

    public Sequential named(String modelName) {
        return new Sequential(specs, modelName, seed);
    }

    /** The seed of weight initialisation and dropout masks. */
    public Sequential seed(long s) {
        return new Sequential(specs, name, s);
    }

    /** A model built for per-sample input shape {@code shape}, e.g. (1, 28, 28). */
    public Model withInputShape(int... shape) {
        return Model.graph(name, nodes(specs), shape, seed);
    }

    /** A model that builds itself on its first input. */
    public Model lazy() {
        return Model.graph(name, nodes(specs), null, seed);
    }

    /** Chain nodes with Keras-style unique names: conv2d, conv2d_1, ... */
    static List<GraphNode> nodes(List<LayerSpec> specs) {
        Map<String, Integer> used = new HashMap<>();
        List<GraphNode> nodes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String base = specs.get(i).baseName();
            int k = used.merge(base, 1, Integer::sum) - 1;
            nodes.add(new GraphNode(k == 0 ? base : base + "_" + k, specs.get(i), new int[] {i - 1}));
        }
        return nodes;
    }
}
