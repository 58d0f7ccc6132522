package dev.beak.keras;

import java.util.List;

/**
 * A Keras model's layers in order, with the tensors that are its inputs and outputs, as its
 * configuration describes them (Sequential models are chained here, so both kinds read alike).
 *
 * @param inputShapes per input, the shape of one sample, channels-last as Keras gives it
 */
record KerasGraph(String name, List<KerasLayer> layers, List<TensorRef> inputs, List<int[]> inputShapes, List<TensorRef> outputs) {
    /** Output {@code tensor} of call {@code call} of layer {@code layer}: Keras' {@code [name, node_index, tensor_index]}. */
    record TensorRef(String layer, int call, int tensor) {}
}
