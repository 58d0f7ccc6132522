package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.beak.nn.LayerCost;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Parameter;
import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An imported ONNX node as a layer spec: op type, domain and opset, its attributes, where each input
 * comes from ({@link OnnxInput}: a graph input of the layer, a weight or buffer it holds, a small
 * constant value, or nothing), ONNX's element type of each input, the names of its outputs (empty for
 * an output left out) and the full shapes of its outputs, which the importer works out from the graph
 * node by node. Like every spec it is plain data: a model file saves and loads it, and {@link #build}
 * converts it through {@link OnnxOps} again. A node with several outputs is one layer with several
 * outputs.
 *
 * <p>Shapes: the outputs have the recorded {@code outputShapes} (with the batch axis, at the batch
 * the graph was imported with); per sample, each without its first axis (a rank-0 output stays rank 0).
 */
public record OnnxNodeSpec(String opType, String domain, int opset, Map<String, OnnxAttribute> attributes,
                           List<OnnxInput> inputs, List<Integer> inputTypes, List<String> outputs,
                           List<List<Integer>> outputShapes) implements LayerSpec, LayerCost.Custom {
    public OnnxNodeSpec {
        attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));   // sorted: the same file every time
        inputs = List.copyOf(inputs);
        inputTypes = List.copyOf(inputTypes);
        outputs = List.copyOf(outputs);
        outputShapes = List.copyOf(outputShapes);
        if (inputTypes.size() != inputs.size()) throw new IllegalArgumentException(opType + ": " + inputs.size() + " inputs but " + inputTypes.size() + " input types");
        if (outputs.isEmpty()) throw new IllegalArgumentException(opType + ": a node needs at least one output");
        if (!outputShapes.isEmpty() && outputShapes.size() != outputs.size()) {
            throw new IllegalArgumentException(opType + ": " + outputs.size() + " outputs but " + outputShapes.size() + " output shapes");
        }
        for (List<Integer> s : outputShapes) for (int d : s) if (d < 0) throw new IllegalArgumentException(opType + ": negative output dimension " + d);
        OnnxOps.lookup(opType, opset, opType);
    }

    /** The same node with the full output shapes the importer found. */
    OnnxNodeSpec withOutputShapes(List<List<Integer>> shapes) {
        return new OnnxNodeSpec(opType, domain, opset, attributes, inputs, inputTypes, outputs, shapes);
    }

    @Override public String type() { return opType; }

    @Override public String baseName() { return opType.toLowerCase(Locale.ROOT); }

    @Override public int outputCount() { return outputs.size(); }

    /** The graph's own name for the tensor, so that an imported model's outputs keep the names ONNX Runtime reports. */
    @Override
    public java.util.Optional<String> outputName(int port) {
        return port < outputs.size() && !outputs.get(port).isEmpty() ? java.util.Optional.of(outputs.get(port)) : java.util.Optional.empty();
    }

    @Override
    public int[] outputShape(int[]... inputShapes) {
        return outputShapes(inputShapes)[0];
    }

    /** The recorded shapes per sample; empty shapes when the importer could not work them out. */
    @Override
    public int[][] outputShapes(int[]... inputShapes) {
        int[][] r = new int[outputs.size()][];
        for (int k = 0; k < r.length; k++) {
            int[] full = outputShapes.isEmpty() ? new int[0] : outputShapes.get(k).stream().mapToInt(Integer::intValue).toArray();
            r[k] = full.length == 0 ? full : Shape.dropFirst(full);
        }
        return r;
    }

    /**
     * Multiply-adds per sample in {@link LayerCost}'s convention: Conv from its weight (F, C/groups, k...)
     * and output, {@code size(out) * C/groups * prod(k)}; Gemm and MatMul {@code size(out) * K}, K from the
     * weight (or, for MatMul of two graph inputs, from the first input's last axis). Other products and
     * recurrent ops are unknown (-1); elementwise, pooling, normalisation and shape ops count 0.
     */
    @Override
    public long multiplyAdds(int[][] in, int[][] out) {
        if (outputShapes.isEmpty()) return -1;
        long outSize = Shape.size(out[0]);
        List<Integer> w = inputs.size() > 1 && inputs.get(1) instanceof OnnxInput.Weight weight && weight.shape().size() >= 2 ? weight.shape() : null;
        return switch (opType) {
            case "Conv" -> w == null ? -1 : outSize * (w.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b) / w.get(0));
            case "Gemm" -> w == null || w.size() != 2 ? -1
                    : outSize * w.get(attributes.get("transB") instanceof OnnxAttribute.IntValue t && t.value() != 0 ? 1 : 0);
            case "MatMul" -> w != null ? outSize * w.get(w.size() - 2) : in.length > 0 && in[0].length > 0 ? outSize * in[0][in[0].length - 1] : -1;
            case "ConvTranspose", "ConvInteger", "QLinearConv", "MatMulInteger", "QLinearMatMul", "Einsum", "LSTM", "GRU", "RNN", "Attention" -> -1;
            default -> 0;
        };
    }

    /** Builds the layer with zero weights and buffers (a model file or the importer fills them). */
    @Override
    public Layer build(SplittableRandom rng, int[]... inputShapes) {
        Tensor[] weights = new Tensor[inputs.size()];
        for (int k = 0; k < weights.length; k++) {
            if (inputs.get(k) instanceof OnnxInput.Weight w) weights[k] = Tensor.zeros(w.shape().stream().mapToInt(Integer::intValue).toArray());
        }
        return instantiate(weights);
    }

    /** The layer over the given weight tensors (indexed like {@link #inputs}; used as they are, not copied). */
    Layer instantiate(Tensor[] weights) {
        return instantiate(weights, false);
    }

    /**
     * The same; with {@code frozen} the weights must not change while the layer is used (an inference
     * plan's layers: the plan is dropped when weights change), so its kernel may prepare them once.
     */
    Layer instantiate(Tensor[] weights, boolean frozen) {
        return instantiate(weights, frozen, false, false);
    }

    /**
     * The same, for an inference plan's fusions (Conv only: its converter does them). With {@code addAfter}
     * the layer takes one more graph input, after the node's own, and adds it to the output (as Add
     * broadcasts); then with {@code reluAfter} it outputs the ReLU (see {@link OnnxNode#addAfter()}).
     */
    Layer instantiate(Tensor[] weights, boolean frozen, boolean addAfter, boolean reluAfter) {
        if ((addAfter || reluAfter) && !opType.equals("Conv")) throw new IllegalArgumentException("an Add or a ReLU fuses into Conv only, not " + opType);
        List<OnnxInput> inputs = this.inputs;
        List<Integer> inputTypes = this.inputTypes;
        if (addAfter) {
            // Conv's optional bias keeps its slot, so the addend always comes fourth.
            inputs = new ArrayList<>(inputs);
            inputTypes = new ArrayList<>(inputTypes);
            while (inputs.size() < 3) {
                inputs.add(new OnnxInput.Absent());
                inputTypes.add(DataType.FLOAT_VALUE);
            }
            inputs.add(new OnnxInput.Graph((int) this.inputs.stream().filter(in -> in instanceof OnnxInput.Graph).count(), false));
            inputTypes.add(DataType.FLOAT_VALUE);
        }
        Tensor[] constants = new Tensor[inputs.size()];
        List<Parameter> params = new ArrayList<>(), buffers = new ArrayList<>();
        for (int k = 0; k < constants.length; k++) {
            switch (inputs.get(k)) {
                case OnnxInput.Weight w -> {
                    constants[k] = weights[k];
                    if (w.trainable()) {
                        params.add(new Parameter(w.name(), weights[k]));
                    } else {
                        buffers.add(new Parameter(w.name(), weights[k]));
                        weights[k].requiresGrad(false);
                    }
                }
                case OnnxInput.Value v -> {
                    float[] d = new float[v.values().size()];
                    for (int i = 0; i < d.length; i++) d[i] = v.values().get(i);
                    constants[k] = Tensor.of(d, v.shape().stream().mapToInt(Integer::intValue).toArray());
                }
                case OnnxInput.Graph g -> { }
                case OnnxInput.Absent a -> { }
            }
        }
        int[] types = inputTypes.stream().mapToInt(Integer::intValue).toArray();
        OnnxKernel kernel = OnnxOps.lookup(opType, opset, opType).convert(new OnnxNode(proto(), opType, opset, constants, types, frozen, addAfter, reluAfter));
        return new OnnxLayer(kernel, inputs, constants, outputs.size(), List.copyOf(params), List.copyOf(buffers));
    }

    /** The constants (weights, buffers, inline values; null for graph inputs) of a layer this spec built, or null for another layer. */
    static Tensor[] constants(Layer layer) {
        return layer instanceof OnnxLayer l ? l.constants() : null;
    }

    /** The node as the converters read it: op type, attributes, and placeholder names for present inputs and outputs. */
    private NodeProto proto() {
        NodeProto.Builder b = NodeProto.newBuilder().setOpType(opType).setDomain(domain);
        for (int k = 0; k < inputs.size(); k++) b.addInput(inputs.get(k) instanceof OnnxInput.Absent ? "" : "in" + k);
        for (String o : outputs) b.addOutput(o);
        attributes.forEach((name, a) -> b.addAttribute(a.toProto(name)));
        return b.build();
    }

    /** The built layer: gathers ONNX's inputs from graph inputs and constants, runs the kernel. */
    private record OnnxLayer(OnnxKernel kernel, List<OnnxInput> inputs, Tensor[] constants, int outputCount,
                             List<Parameter> parameters, List<Parameter> buffers) implements Layer {
        @Override
        public Tensor forward(boolean training, Tensor... in) {
            return forwardOutputs(training, in)[0];
        }

        @Override
        public Tensor[] forwardOutputs(boolean training, Tensor... in) {
            Tensor[] full = new Tensor[inputs.size()];
            for (int k = 0; k < full.length; k++) {
                full[k] = inputs.get(k) instanceof OnnxInput.Graph g ? (g.scalar() ? Ops.reshape(in[g.index()]) : in[g.index()]) : constants[k];
            }
            Tensor[] out = kernel.apply(training, full);
            return out.length >= outputCount ? out : java.util.Arrays.copyOf(out, outputCount);
        }
    }
}
