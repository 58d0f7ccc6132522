package dev.beak.nn;

import dev.beak.nn.layer.LayerSpec;

/**
 * One layer application in a model graph: a unique name, the layer's spec and where its inputs come
 * from. An input index {@code i >= 0} is the output of node {@code i}; a negative index is a model
 * input: {@link #modelInput(int) modelInput(k)} {@code = -1 - k}, so {@link #MODEL_INPUT} is input 0.
 */
public record GraphNode(String name, LayerSpec spec, int[] inputs) {
    public static final int MODEL_INPUT = -1;

    /** The input index that refers to model input {@code k}. */
    public static int modelInput(int k) {
        return -1 - k;
    }

    /** For a negative input index, which model input it is. */
    public static int inputNumber(int index) {
        return -1 - index;
    }
}
