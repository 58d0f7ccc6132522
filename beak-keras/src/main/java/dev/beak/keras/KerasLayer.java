package dev.beak.keras;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One layer of a Keras model configuration: its class, name and config, where each call of it reads
 * its inputs from ({@code calls}, empty in a Sequential model), the model it is when it is a nested
 * model, and its key in a Keras 3 weights file ({@code layers/<key>/vars}: the snake-case class name,
 * numbered from the second of a class).
 */
record KerasLayer(String className, String name, JsonNode config, List<List<KerasGraph.TensorRef>> calls, KerasGraph nested,
                  String weightsKey) {
    boolean isModel() {
        return nested != null;
    }
}
