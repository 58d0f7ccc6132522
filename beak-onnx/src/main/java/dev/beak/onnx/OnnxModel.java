package dev.beak.onnx;

import dev.beak.autograd.Autograd;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;
import dev.beak.tensor.WeightUpdates;

import java.util.List;

/**
 * An imported ONNX model: a Beak graph {@link Model} (its weights are trainable parameters) with the
 * ONNX graph's input and output names. ONNX allows inputs of any rank, scalars too; the Beak model
 * takes a scalar input as shape (1) and {@link #run} and {@link #forward} do that for the caller.
 *
 * <p>{@link #run} executes an inference plan ({@link OnnxInferencePlan}: batch norms and per-channel
 * Mul/Add folded into the convolution before them, ReLUs fused), built from the weights at the first
 * run and never saved; {@link #forward} runs the graph as imported. The plan is built again when the
 * weights have changed since: after optimizer steps or restored weights (fitting through
 * {@link #model()}, counted by {@link WeightUpdates}), {@code forward} with training on, or
 * {@link #trainable}; code that writes weight values itself calls {@link #weightsChanged()}.
 *
 * {@snippet :
 * OnnxModel onnx = OnnxImporter.load(Path.of("model.onnx"));
 * Tensor[] outputs = onnx.run(x);                 // inference, no gradients
 * onnx.model().compile(new Sgd(0.01, 0.9), new CrossEntropy());  // fine-tune like any Beak model
 * }
 */
public final class OnnxModel {
    private final Model model;
    private final List<String> inputNames, outputNames;
    private final int[] inputRanks;
    private final int opset;
    private OnnxInferencePlan plan;
    private long planGeneration;

    OnnxModel(Model model, List<String> inputNames, int[] inputRanks, List<String> outputNames, int opset) {
        this.model = model;
        this.inputNames = List.copyOf(inputNames);
        this.inputRanks = inputRanks.clone();
        this.outputNames = List.copyOf(outputNames);
        this.opset = opset;
    }

    public Model model() {
        return model;
    }

    public List<String> inputNames() {
        return inputNames;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** The model's opset for the default ONNX domain. */
    public int opset() {
        return opset;
    }

    /**
     * Runs the inference plan (evaluation mode, no gradients recorded); inputs in ONNX graph-input order.
     * The intermediate tensors live in a {@link Workspace} scope of this call, so that the next run reuses
     * their memory instead of allocating it again; the outputs are copied out of it.
     */
    public Tensor[] run(Tensor... inputs) {
        try (var scope = Autograd.noGrad(); var step = Workspace.open()) {
            Tensor[] adapted = adapt(inputs);
            Tensor[] out;
            if (!model.isBuilt()) {
                out = model.forward(false, adapted);
            } else {
                OnnxInferencePlan p = plan;
                long generation = WeightUpdates.generation();
                if (p == null || planGeneration != generation) {
                    plan = p = OnnxInferencePlan.of(model);
                    planGeneration = generation;
                }
                out = p.run(adapted);
            }
            Tensor[] copies = new Tensor[out.length];
            for (int i = 0; i < out.length; i++) copies[i] = out[i].copy();
            return copies;
        }
    }

    /** Runs the graph as imported (recording gradients for training when they are on); inputs in ONNX order. */
    public Tensor[] forward(boolean training, Tensor... inputs) {
        if (training) plan = null;
        return model.forward(training, adapt(inputs));
    }

    /** Drops the inference plan, so that the next {@link #run} folds the current weights again. */
    public void weightsChanged() {
        plan = null;
    }

    private Tensor[] adapt(Tensor[] inputs) {
        if (inputs.length != inputNames.size()) {
            throw new IllegalArgumentException("the ONNX model takes " + inputNames.size() + " inputs " + inputNames + ", got " + inputs.length);
        }
        Tensor[] adapted = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            adapted[i] = inputs[i].rank() == 0 && inputRanks[i] == 0 ? dev.beak.ops.Ops.reshape(inputs[i], 1) : inputs[i];
        }
        return adapted;
    }

    /** Whether the imported weights take gradients (they do after import). */
    public OnnxModel trainable(boolean on) {
        for (Tensor t : model.parameters().values()) t.requiresGrad(on);
        plan = null;
        return this;
    }
}
