package dev.beak.nn.layer;

import java.util.SplittableRandom;

/**
 * The configuration of a layer: an immutable, validated record whose components are its whole
 * configuration (model files write and read them generically, see {@link LayerTypes}). {@link #build} turns it into a
 * {@link Layer} with parameters once the input shape is known (input channels are inferred, never
 * given). Shapes here are per sample, without the batch dimension: (C, H, W) for images.
 */
public interface LayerSpec {
    /**
     * The type name shown in summaries and errors, e.g. {@code "Conv2d"}; by default the record's
     * simple name. Model files use the name the spec is registered under in {@link LayerTypes}.
     */
    default String type() {
        return getClass().getSimpleName();
    }

    /** The lower-case base from which a model derives unique layer names, e.g. {@code "conv2d"}. */
    String baseName();

    /** Output shape for the given input shapes; pure, runs nothing. Fails with a shape message. */
    int[] outputShape(int[]... inputShapes);

    /** How many outputs the layer yields; most layers have one. */
    default int outputCount() {
        return 1;
    }

    /**
     * The name output {@code port} goes by outside the model (in {@code Model.outputNames()} and ONNX
     * export), or empty when it is named after its layer: {@code layer} for output 0, {@code layer:port}
     * for the others. Imported graphs keep their tensors' names this way.
     */
    default java.util.Optional<String> outputName(int port) {
        return java.util.Optional.empty();
    }

    /** The shape of every output, in order; the first is {@link #outputShape}. */
    default int[][] outputShapes(int[]... inputShapes) {
        return new int[][] {outputShape(inputShapes)};
    }

    /** Creates the layer's parameters for the given input shapes. */
    Layer build(SplittableRandom rng, int[]... inputShapes);
}
