package dev.beak.onnx;

import dev.beak.tensor.Tensor;

/**
 * The run-time half of a converted ONNX node: Beak ops applied to the node's inputs, in ONNX order
 * (an absent optional input is null), giving the node's outputs in ONNX order.
 */
@FunctionalInterface
public interface OnnxKernel {
    Tensor[] apply(boolean training, Tensor[] inputs);
}
