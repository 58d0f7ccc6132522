/**
 * ONNX import: {@link dev.beak.onnx.OnnxImporter} turns an ONNX model into a Beak graph model
 * whose float initializers are trainable parameters; {@link dev.beak.onnx.OnnxOps} is the one table
 * from ONNX op types and opsets to converters; {@link dev.beak.onnx.OnnxConformance} runs the ONNX
 * backend tests. Parsing uses the protobuf classes generated from onnx.proto that
 * {@code org.tribuo:tribuo-util-onnx} ships ({@code ai.onnx.proto.OnnxMl}).
 * {@link dev.beak.onnx.OnnxModel#run} executes an inference plan built from the imported graph
 * (batch norms and per-channel Mul/Add folded into convolutions, ReLUs fused) that is never saved.
 *
 * <p>Invariants: Beak computes in float32, so integer tensors (shapes, axes, indices) are carried as
 * floats (exact up to 2^24); a converter rejects at import time whatever its kernel cannot run, with
 * an {@link dev.beak.onnx.OnnxImportException} naming the node, the op and the opset.
 */
package dev.beak.onnx;
