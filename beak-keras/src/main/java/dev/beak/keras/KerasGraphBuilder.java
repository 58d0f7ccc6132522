package dev.beak.keras;

import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.ModelProfile;
import dev.beak.nn.layer.Flatten;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Parameter;
import dev.beak.nn.layer.Permute;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the Beak graph of a {@link KerasGraph}, nested models inlined, and loads its weights.
 *
 * <p>Every Keras tensor is held channels-first: a sample of Keras shape (d1, ..., dk, C) is
 * (C, d1, ..., dk) here, rank 1 stays as it is. A Flatten is held back ({@link Sym#pending}) until
 * its consumer is known: into a Dense layer it flattens (C, H, W) and the Dense rows are permuted to
 * Keras' (H, W, C) order; dropout and activations pass through it; anything else gets Keras' order
 * by a channels-last Permute before the Flatten.
 */
final class KerasGraphBuilder {
    /**
     * A Keras tensor as Beak holds it: output of node {@code node} (a model input when negative) of
     * per-sample shape {@code shape}; or, when {@code pending} is set, the Flatten (named
     * {@code flattenName}) of that tensor, not yet emitted.
     */
    record Sym(int node, int[] shape, Sym pending, String flattenName) {
        static Sym of(int node, int[] shape) {
            return new Sym(node, shape, null, null);
        }
    }

    private final KerasWeights weights;
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<int[]> nodeShapes = new ArrayList<>();
    private final Map<String, List<float[]>> nodeWeights = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Map<Sym, Sym[]> flattened = new IdentityHashMap<>();
    private final List<int[]> inputShapes = new ArrayList<>();

    KerasGraphBuilder(KerasWeights weights) {
        this.weights = weights;
    }

    Model build(KerasGraph graph) {
        List<Sym> inputs = new ArrayList<>();
        for (int[] s : graph.inputShapes()) {
            inputs.add(Sym.of(GraphNode.modelInput(inputShapes.size()), KerasLayout.toBeak(s)));
            inputShapes.add(KerasLayout.toBeak(s));
        }
        List<Sym> outputs = inline(graph, inputs, List.of());
        int[] outs = new int[outputs.size()];
        for (int i = 0; i < outs.length; i++) {
            Sym o = materialize(outputs.get(i));
            if (o.node() < 0) throw new KerasFormatException("model output " + i + " is a model input; there is nothing to import");
            outs[i] = o.node();
        }
        Model model = Model.graph(graph.name(), nodes, inputShapes.size(), outs, null, 0L);
        int[][] shapes = inputShapes.toArray(int[][]::new);
        checkWeightCount(model, shapes);
        model.build(shapes);
        loadWeights(model);
        return model;
    }

    /** Missing values up to which a model is built anyway, so that {@link #loadWeights} can name the layer (16 M values, 64 MB). */
    private static final long BUILD_WITHOUT_CHECK = 1L << 24;

    /**
     * Refuses, before anything is built, layers that need far more values than the file gives (a small
     * file whose configuration declares a huge Dense or Conv layer); smaller mismatches are left to
     * {@link #loadWeights}, which names the layer and both sizes.
     */
    private void checkWeightCount(Model model, int[][] shapes) {
        ModelProfile p = ModelProfile.of(model, shapes);
        long needed = p.parameters() + p.buffers(), given = 0;
        for (List<float[]> arrays : nodeWeights.values()) for (float[] a : arrays) given += a.length;
        if (needed > given && needed - given > BUILD_WITHOUT_CHECK) {
            throw new KerasFormatException(String.format(java.util.Locale.ROOT,
                    "the layers need %,d weight values but the file gives %,d", needed, given));
        }
    }

    /** Converts the layers of {@code graph} fed by {@code inputs}; returns its outputs. */
    List<Sym> inline(KerasGraph graph, List<Sym> inputs, List<KerasLayer> scope) {
        Map<KerasGraph.TensorRef, Sym> tensors = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) tensors.put(graph.inputs().get(i), inputs.get(i));
        for (KerasLayer layer : graph.layers()) {
            if (layer.calls().size() > 1) {
                throw new KerasFormatException("layer " + layer.name() + " (" + layer.className() + ") is called " + layer.calls().size()
                        + " times (shared weights), which Beak's graph cannot express");
            }
            List<Sym> in = new ArrayList<>();
            for (KerasGraph.TensorRef r : layer.calls().isEmpty() ? List.<KerasGraph.TensorRef>of() : layer.calls().get(0)) in.add(resolve(tensors, r, layer));
            List<Sym> out;
            if (layer.isModel()) {
                List<KerasLayer> inner = new ArrayList<>(scope);
                inner.add(layer);
                out = inline(layer.nested(), in, inner);
            } else {
                out = List.of(KerasLayers.convert(new KerasLayers.Call(this, layer, scope, in)));
            }
            for (int t = 0; t < out.size(); t++) tensors.put(new KerasGraph.TensorRef(layer.name(), 0, t), out.get(t));
        }
        List<Sym> outputs = new ArrayList<>();
        for (KerasGraph.TensorRef r : graph.outputs()) outputs.add(resolve(tensors, r, null));
        return outputs;
    }

    private static Sym resolve(Map<KerasGraph.TensorRef, Sym> tensors, KerasGraph.TensorRef r, KerasLayer reader) {
        Sym s = tensors.get(r);
        if (s == null) s = tensors.get(new KerasGraph.TensorRef(r.layer(), 0, r.tensor()));
        if (s == null) {
            throw new KerasFormatException((reader == null ? "a model output" : "layer " + reader.name()) + " reads tensor " + r.layer()
                    + "[" + r.call() + "][" + r.tensor() + "], which no earlier layer makes");
        }
        return s;
    }

    /** The arrays of {@code layer} in Keras' order. */
    List<KerasArray> arrays(List<KerasLayer> scope, KerasLayer layer) {
        return weights.arrays(scope, layer);
    }

    boolean namedArrays() {
        return weights.named();
    }

    /** Adds node {@code name} (made unique) applying {@code spec} to {@code in}, with its parameters then buffers given in Beak's layouts. */
    Sym emit(String name, LayerSpec spec, List<float[]> params, Sym... in) {
        int[][] shapes = new int[in.length][];
        int[] ids = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            if (in[i].pending() != null) throw new IllegalStateException("pending flatten reached emit");
            shapes[i] = in[i].shape();
            ids[i] = in[i].node();
        }
        int[] out;
        try {
            out = spec.outputShape(shapes);
        } catch (IllegalArgumentException e) {
            throw new KerasFormatException("layer " + name + ": " + e.getMessage());
        }
        String unique = name;
        for (int k = 1; names.contains(unique); k++) unique = name + "_" + k;
        names.add(unique);
        nodes.add(new GraphNode(unique, spec, ids));
        nodeShapes.add(out);
        if (!params.isEmpty()) nodeWeights.put(unique, params);
        return Sym.of(nodes.size() - 1, out);
    }

    /** A tensor whose pending Flatten is emitted in Keras' (channels-last) order; other tensors as they are. */
    Sym materialize(Sym s) {
        if (s.pending() == null) return s;
        Sym[] cached = flattened.computeIfAbsent(s, k -> new Sym[2]);
        if (cached[0] == null) {
            Sym src = materialize(s.pending());
            if (src.shape().length >= 2) src = emit(s.flattenName() + "_channels_last", new Permute(KerasLayout.toKerasPerm(src.shape().length)), List.of(), src);
            cached[0] = emit(s.flattenName(), new Flatten(), List.of(), src);
        }
        return cached[0];
    }

    /**
     * The Flatten of a pending tensor in Beak's (C, H, W) order, for a Dense layer, with {@code order[i]}
     * the Keras position of value {@code i}; null when {@code s} is no pending Flatten. Checked against the
     * Dense kernel's {@code kernelRows} before the order is made.
     */
    int[] flattenForDense(Sym s, Sym[] result, int kernelRows, String layer) {
        if (s.pending() == null) return null;
        Sym[] cached = flattened.computeIfAbsent(s, k -> new Sym[2]);
        Sym src = materialize(s.pending());
        if (Shape.size(src.shape()) != kernelRows) {
            throw new KerasFormatException("layer " + layer + ": its kernel has " + kernelRows + " rows but the flattened input "
                    + Shape.toString(src.shape()) + " has " + Shape.size(src.shape()) + " values");
        }
        if (cached[1] == null) cached[1] = emit(s.flattenName(), new Flatten(), List.of(), src);
        result[0] = cached[1];
        return KerasLayout.flattenOrder(src.shape());
    }

    private void loadWeights(Model model) {
        for (int i = 0; i < nodes.size(); i++) {
            List<float[]> given = nodeWeights.get(nodes.get(i).name());
            Layer layer = model.layer(i);
            List<Parameter> all = new ArrayList<>(layer.parameters());
            all.addAll(layer.buffers());
            int have = given == null ? 0 : given.size();
            if (have != all.size()) {
                throw new KerasFormatException("layer " + nodes.get(i).name() + " needs " + all.size() + " weight arrays, the file gives " + have);
            }
            for (int j = 0; j < have; j++) {
                Tensor t = all.get(j).value();
                float[] v = given.get(j);
                if (v.length != t.size()) {
                    throw new KerasFormatException("layer " + nodes.get(i).name() + ": " + all.get(j).name() + " has shape " + Shape.toString(t.shape())
                            + " (" + t.size() + " values), the file gives " + v.length + " values");
                }
                System.arraycopy(v, 0, t.data(), 0, v.length);
            }
        }
    }
}
