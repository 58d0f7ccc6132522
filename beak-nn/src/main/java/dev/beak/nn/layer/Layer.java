package dev.beak.nn.layer;

import dev.beak.tensor.Tensor;

import java.util.List;
import java.util.Map;

/** A built layer: its parameters and its forward pass (batch-first tensors), and its non-trainable buffers. */
public interface Layer {
    /** Runs the layer; {@code training} switches dropout (and, later, batch-norm statistics). */
    Tensor forward(boolean training, Tensor... inputs);

    /** Every output of the layer, in order (a layer with several outputs overrides this and {@link #forward} gives output 0). */
    default Tensor[] forwardOutputs(boolean training, Tensor... inputs) {
        return new Tensor[] {forward(training, inputs)};
    }

    /** The trainable tensors, in a fixed order, each with a short name ("weight", "bias"). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Non-trainable state that a model file must save with the parameters (batch norm's running
     * mean and variance), in a fixed order. Optimizers never see these, and they never require a gradient.
     */
    default List<Parameter> buffers() {
        return List.of();
    }

    /**
     * The random streams the layer draws from in training (dropout's masks), by short name
     * ({@code "masks"}); a checkpoint saves their positions so that a resumed run draws the same numbers.
     */
    default Map<String, RandomStream> randomStreams() {
        return Map.of();
    }

    /** A layer without parameters whose forward is a function of its inputs. */
    interface Stateless extends Layer {}
}
