package dev.beak.nn.layer;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The configuration of a layer: immutable, validated, serialisable. {@link #build} turns it into a
 * {@link Layer} with parameters once the input shape is known (input channels are inferred, never
 * given). Shapes here are per sample, without the batch dimension: (C, H, W) for images.
 */
public interface LayerSpec {
    /** The type name used in model files and summaries, e.g. {@code "Conv2d"}. */
    String type();

    /** The lower-case base from which a model derives unique layer names, e.g. {@code "conv2d"}. */
    String baseName();

    /** Output shape for the given input shapes; pure, runs nothing. Fails with a shape message. */
    int[] outputShape(int[]... inputShapes);

    /** Creates the layer's parameters for the given input shapes. */
    Layer build(SplittableRandom rng, int[]... inputShapes);

    /** JSON-friendly configuration (numbers, strings, booleans, lists); {@link LayerConfigs} reads it back. */
    Map<String, Object> config();
}
