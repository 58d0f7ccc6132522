package dev.beak.onnx;

import java.util.List;

/** Where one input of an imported ONNX node comes from, as its {@link OnnxNodeSpec} records it. */
public sealed interface OnnxInput {
    /** An optional input that the node leaves out. */
    record Absent() implements OnnxInput {}

    /**
     * Input {@code index} of the graph layer (an earlier layer's output or a model input); {@code scalar}
     * when ONNX passes a rank-0 value that Beak carries with a batch axis of 1.
     */
    record Graph(int index, boolean scalar) implements OnnxInput {}

    /**
     * A constant tensor the layer holds, saved with the weights under the layer's name and
     * {@code name}: a trainable parameter (convolution, Gemm and MatMul weights, their bias, norm
     * scales) or, when not {@code trainable}, a buffer (running statistics, large constants).
     */
    record Weight(String name, List<Integer> shape, boolean trainable) implements OnnxInput {}

    /** A small constant written into the configuration itself (shapes, axes, scales, bounds). */
    record Value(List<Integer> shape, List<Float> values) implements OnnxInput {}
}
