package dev.beak.onnx;

import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.Parameter;
import dev.beak.tensor.Tensor;

/**
 * One layer of a Beak model being written as ONNX nodes: its name, its built layer (current weights),
 * the ONNX names of its inputs and the per-sample shapes they have (without the batch axis), the names
 * its outputs must get, and the graph being written.
 */
record ExportStep(String name, Layer layer, String[] inputs, int[][] inputShapes, String[] outputs, OnnxGraphWriter graph) {
    String in() {
        return inputs[0];
    }

    String out() {
        return outputs[0];
    }

    /** Per-sample shape of input {@code k}. */
    int[] shape(int k) {
        return inputShapes[k].clone();
    }

    /** Rank of input 0 with its batch axis. */
    int rank() {
        return inputShapes[0].length + 1;
    }

    /** The layer's parameter or buffer called {@code n} ("weight", "bias", "running_mean"), or null. */
    Tensor tensor(String n) {
        for (Parameter p : layer.parameters()) if (p.name().equals(n)) return p.value();
        for (Parameter p : layer.buffers()) if (p.name().equals(n)) return p.value();
        return null;
    }

    /** An initializer holding the layer's tensor {@code n}, named {@code layer.n}. */
    String initializer(String n) {
        Tensor t = tensor(n);
        if (t == null) throw new IllegalStateException(name + " has no tensor " + n);
        return graph.floats(name + "." + n, t);
    }

    /** A fresh name for an intermediate tensor of this layer. */
    String temp(String suffix) {
        return graph.fresh(name + "/" + suffix);
    }
}
