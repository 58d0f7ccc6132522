package dev.beak.nn.layer;

import dev.beak.ops.Ops;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Token ids to learned vectors, laid out as a sequence of channels for {@code Conv1d} (Bengio et al.,
 * 2003, "A Neural Probabilistic Language Model"; the text CNN of Kim, 2014, runs its filters over it).
 *
 * <p>Shapes: input (N, L) of token ids (whole numbers, 0..vocabulary-1); weight (vocabulary, dimension),
 * the layout of Keras' and PyTorch's embedding tables; output (N, dimension, L). With a padding index
 * {@code p >= 0} row p starts at zero and is never trained (PyTorch's padding_idx), so padding adds
 * nothing; {@link PaddingMask} marks the padded positions for a masked {@link GlobalPool}.
 * The default initializer draws from N(0, 0.05²).
 * {@snippet :
 * var ids = Functional.input(40);
 * var x = ids.then(Layers.embedding(5000, 64).withPaddingIndex(0));     // (64, 40)
 * }
 */
public record Embedding(int vocabulary, int dimension, int paddingIndex, Initializer initializer) implements LayerSpec {
    public Embedding {
        if (vocabulary < 1 || dimension < 1) {
            throw new IllegalArgumentException("Embedding needs vocabulary >= 1 and dimension >= 1, got " + vocabulary + " and " + dimension);
        }
        if (paddingIndex < -1 || paddingIndex >= vocabulary) {
            throw new IllegalArgumentException("Embedding padding index must be -1 (none) or in 0.." + (vocabulary - 1) + ", got " + paddingIndex);
        }
    }

    public Embedding withPaddingIndex(int p) {
        return new Embedding(vocabulary, dimension, p, initializer);
    }

    public Embedding withInitializer(Initializer i) {
        return new Embedding(vocabulary, dimension, paddingIndex, i);
    }

    @Override public String baseName() { return "embedding"; }

    @Override
    public int[] outputShape(int[]... inputs) {
        int[] in = Shapes.single(type(), inputs);
        if (in.length != 1) throw new IllegalArgumentException("Embedding expects per-sample input (L) of token ids, got " + Shape.toString(in));
        return new int[] {dimension, in[0]};
    }

    @Override
    public Layer build(SplittableRandom rng, int[]... inputs) {
        outputShape(inputs);
        Tensor w = initializer.create(rng, vocabulary, dimension, vocabulary, dimension);
        if (paddingIndex >= 0) java.util.Arrays.fill(w.data(), paddingIndex * dimension, (paddingIndex + 1) * dimension, 0f);
        return new WeightedLayer(w, null, ids -> Ops.embedding(ids, w, paddingIndex));
    }
}
