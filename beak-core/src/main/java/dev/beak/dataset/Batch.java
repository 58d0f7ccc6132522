package dev.beak.dataset;

import dev.beak.tensor.Tensor;

import java.util.List;

/**
 * A batch: the model's inputs, each (N, ...), and the targets of its outputs, each (N) class indices
 * or (N, K) vectors. Most models have one of each, {@code x} and {@code y}.
 */
public record Batch(List<Tensor> inputs, List<Tensor> targets) {
    public Batch {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
        if (inputs.isEmpty() || targets.isEmpty()) throw new IllegalArgumentException("a batch needs at least one input and one target");
    }

    public Batch(Tensor x, Tensor y) {
        this(List.of(x), List.of(y));
    }

    /** The first (usually the only) input. */
    public Tensor x() {
        return inputs.getFirst();
    }

    /** The first (usually the only) target. */
    public Tensor y() {
        return targets.getFirst();
    }

    public int size() {
        return x().dim(0);
    }
}
