package dev.beak.dataset;

import dev.beak.tensor.Tensor;

/** A batch of samples {@code x} (N, ...) and labels {@code y} (N) or (N, K). */
public record Batch(Tensor x, Tensor y) {
    public int size() {
        return x.dim(0);
    }
}
