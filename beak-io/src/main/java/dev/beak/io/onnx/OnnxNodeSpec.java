package dev.beak.io.onnx;

import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Parameter;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An imported ONNX node as a layer of a Beak graph model: its kernel, where each ONNX input comes
 * from (a graph input of the layer, or a constant the layer holds), the initializers it owns as
 * trainable parameters, and which ONNX output it yields. A node with several used outputs becomes
 * several layers, one per output, that share one computation.
 */
final class OnnxNodeSpec implements LayerSpec {
    /** Where ONNX input k comes from: graph input {@code graphInput} of the layer, or {@code constant}; null = absent. */
    record Slot(int graphInput, Tensor constant, boolean scalar) {}

    /**
     * The computation shared by the layers of one multi-output node: the first layer computes, the
     * others (which run right after it) take their output from it; the result is dropped once all
     * have read it, so no activation outlives the forward pass.
     */
    static final class Shared {
        private final int layers;
        private Tensor[] lastInputs, lastOutputs;
        private boolean lastTraining;
        private int unread;

        Shared(int layers) {
            this.layers = layers;
        }

        Tensor[] run(OnnxKernel kernel, boolean primary, boolean training, Tensor[] inputs) {
            boolean reuse = !primary && lastOutputs != null && training == lastTraining && lastInputs.length == inputs.length;
            for (int k = 0; reuse && k < inputs.length; k++) reuse = inputs[k] == lastInputs[k];
            Tensor[] out = reuse ? lastOutputs : kernel.apply(training, inputs);
            if (!reuse) {
                lastOutputs = out;
                lastInputs = inputs;
                lastTraining = training;
                unread = layers;
            }
            if (--unread <= 0) {
                lastOutputs = null;
                lastInputs = null;
            }
            return out;
        }
    }

    private final String opType;
    private final int opset;
    private final OnnxKernel kernel;
    private final Slot[] slots;
    private final List<Parameter> parameters;
    private final int output;
    private final boolean primary;
    private final Shared shared;
    private int[] shape;

    OnnxNodeSpec(String opType, int opset, OnnxKernel kernel, Slot[] slots, List<Parameter> parameters,
                 int output, boolean primary, Shared shared) {
        this.opType = opType;
        this.opset = opset;
        this.kernel = kernel;
        this.slots = slots;
        this.parameters = List.copyOf(parameters);
        this.output = output;
        this.primary = primary;
        this.shared = shared;
    }

    @Override public String type() { return opType; }

    @Override public String baseName() { return opType.toLowerCase(java.util.Locale.ROOT); }

    /** Set by the importer's dry run: the per-sample output shape (the full shape without its first axis). */
    void recordShape(int[] perSample) {
        this.shape = perSample.clone();
    }

    @Override
    public int[] outputShape(int[]... inputShapes) {
        return shape == null ? new int[0] : shape.clone();
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputShapes) {
        return new Layer() {
            @Override
            public Tensor forward(boolean training, Tensor... inputs) {
                return run(training, inputs);
            }

            @Override
            public List<Parameter> parameters() {
                return parameters;
            }
        };
    }

    Tensor run(boolean training, Tensor... inputs) {
        Tensor[] full = new Tensor[slots.length];
        for (int k = 0; k < slots.length; k++) {
            Slot s = slots[k];
            if (s == null) continue;
            full[k] = s.graphInput() < 0 ? s.constant() : s.scalar() ? Ops.reshape(inputs[s.graphInput()]) : inputs[s.graphInput()];
        }
        Tensor[] out = shared == null ? kernel.apply(training, full) : shared.run(kernel, primary, training, full);
        if (output >= out.length || out[output] == null) {
            throw new IllegalStateException(opType + ": output " + output + " was not computed");
        }
        return out[output];
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("onnx_op", opType);
        c.put("opset", opset);
        c.put("output", output);
        return c;
    }
}
