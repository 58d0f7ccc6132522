package dev.beak.nn;

import dev.beak.nn.layer.LayerSpec;

/**
 * One layer application in a model graph: a unique name, the layer's spec and where its inputs come
 * from. An input index {@code i >= 0} is an output of node {@code i} ({@code ports[j]} says which, 0
 * for single-output layers); a negative index is a model input:
 * {@link #modelInput(int) modelInput(k)} {@code = -1 - k}, so {@link #MODEL_INPUT} is input 0.
 */
public record GraphNode(String name, LayerSpec spec, int[] inputs, int[] ports) {
    public static final int MODEL_INPUT = -1;

    public GraphNode {
        inputs = inputs.clone();
        ports = ports == null ? new int[inputs.length] : ports.clone();
        if (ports.length != inputs.length) {
            throw new IllegalArgumentException("layer " + name + ": " + inputs.length + " inputs but " + ports.length + " output ports");
        }
    }

    /** A node that reads output 0 of each of its input nodes. */
    public GraphNode(String name, LayerSpec spec, int[] inputs) {
        this(name, spec, inputs, null);
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public int[] ports() {
        return ports.clone();
    }

    /** The input index that refers to model input {@code k}. */
    public static int modelInput(int k) {
        return -1 - k;
    }

    /** For a negative input index, which model input it is. */
    public static int inputNumber(int index) {
        return -1 - index;
    }
}
