package dev.beak.nn;

import dev.beak.nn.layer.LayerSpec;

/**
 * One layer application in a model graph: a unique name, the layer's spec and the indices of the
 * nodes it reads ({@link #MODEL_INPUT} for the model's input).
 */
public record GraphNode(String name, LayerSpec spec, int[] inputs) {
    public static final int MODEL_INPUT = -1;
}
