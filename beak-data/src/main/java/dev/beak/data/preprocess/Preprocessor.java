package dev.beak.data.preprocess;

import dev.beak.tensor.Tensor;

import java.util.Map;

/**
 * One fitted, immutable preprocessing step, applied to samples x (N, ...) batch-first, the same at
 * training and prediction time. {@link #config()} holds the type and the small figures as JSON-friendly
 * values (numbers, lists, strings); {@link #tensors()} the large arrays (a mean image, a whitening
 * matrix), for a model file to store as safetensors; {@link Preprocessing#step} rebuilds a step from both.
 */
public sealed interface Preprocessor permits Rescale, PixelMean, ChannelMean, ChannelStandardize, MinMax, Whitening {
    /** The step's name in configs: {@code rescale}, {@code pixel_mean}, ... */
    String type();

    /** Transforms {@code n} samples stored one after another in {@code x}, in place. */
    void transform(float[] x, int n);

    /** A new tensor with the step applied to every sample of x (N, ...). */
    default Tensor apply(Tensor x) {
        float[] d = x.data().clone();
        transform(d, x.rank() == 0 ? 1 : x.dim(0));
        return Tensor.of(d, x.shape());
    }

    /** {@code type} plus the step's small figures. */
    Map<String, Object> config();

    /** The step's large arrays by name; empty for most steps. */
    default Map<String, Tensor> tensors() {
        return Map.of();
    }
}
