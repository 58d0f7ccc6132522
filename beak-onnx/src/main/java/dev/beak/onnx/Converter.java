package dev.beak.onnx;

/**
 * The import-time half of an ONNX op: reads the node's attributes, rejects what Beak cannot do
 * (with {@link OnnxNode#needsOp} or {@link OnnxNode#unsupported}) and returns the kernel to run.
 */
@FunctionalInterface
public interface Converter {
    OnnxKernel convert(OnnxNode node);
}
