package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;
import dev.beak.data.image.InputGeometry;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * A random change of a training image: each call draws its parameters from {@code rng}, so a seeded
 * generator repeats exactly. Augmentations compose with {@link #then}; the loader gives each sample a
 * generator derived from (seed, epoch, sample index), so results do not depend on thread count.
 *
 * <p>Shapes: input (C, H, W); output (C, H', W') given by {@link #outputShape} (only crops change H, W).
 */
public interface Augmentation {
    FloatImage apply(FloatImage image, SplittableRandom rng);

    /** Output (C, H, W) for input {@code chw}; the same shape unless the augmentation crops. */
    default int[] outputShape(int[] chw) {
        return chw.clone();
    }

    /**
     * The geometry that evaluates a model trained through this augmentation: {@code g}, cut to the centre of
     * this augmentation's output size when that is smaller than the decoded image (random crops in training,
     * the centre crop at evaluation); {@code g} itself otherwise.
     */
    default InputGeometry evaluationGeometry(InputGeometry g) {
        int[] out = outputShape(new int[] {g.color().channels(), g.height(), g.width()});
        return out[1] == g.height() && out[2] == g.width() ? g : g.withCenterCrop(out[1], out[2]);
    }

    /** This augmentation, then {@code next}. */
    default Augmentation then(Augmentation next) {
        return Augmentations.compose(this, next);
    }

    /** Augments every sample of a batch x (N, C, H, W), sample {@code i} with its own generator split from {@code rng}. */
    default Tensor applyBatch(Tensor x, SplittableRandom rng) {
        if (x.rank() != 4) throw new IllegalArgumentException("a batch of images is (N, C, H, W), got rank " + x.rank());
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3), per = c * h * w;
        int[] out = outputShape(new int[] {c, h, w});
        int outPer = out[0] * out[1] * out[2];
        float[] result = new float[n * outPer];
        for (int i = 0; i < n; i++) {
            float[] one = java.util.Arrays.copyOfRange(x.data(), i * per, (i + 1) * per);
            FloatImage a = apply(new FloatImage(c, h, w, one), rng.split());
            System.arraycopy(a.data(), 0, result, i * outPer, outPer);
        }
        return Tensor.of(result, n, out[0], out[1], out[2]);
    }
}
