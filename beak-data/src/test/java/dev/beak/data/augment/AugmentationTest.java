package dev.beak.data.augment;

import dev.beak.data.image.FloatImage;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AugmentationTest {
    static FloatImage ramp(int c, int h, int w) {
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) d[i] = i % 251;
        return new FloatImage(c, h, w, d);
    }

    @Test
    void cropsFromAnywhereWithTheRightSize() {
        FloatImage img = ramp(3, 256, 256);
        Augmentation crop = Augmentations.randomCrop(224, 224);
        assertThat(crop.outputShape(img.shape())).containsExactly(3, 224, 224);
        FloatImage a = crop.apply(img, new SplittableRandom(1));
        assertThat(a.shape()).containsExactly(3, 224, 224);
        FloatImage padded = Augmentations.padAndCrop(4).apply(ramp(3, 32, 32), new SplittableRandom(5));
        assertThat(padded.shape()).containsExactly(3, 32, 32);
    }

    @Test
    void seededAndReproducible() {
        Augmentation all = Augmentations.compose(Augmentations.randomCrop(28, 28), Augmentations.flipHorizontal(),
                Augmentations.flipVertical(), Augmentations.rotation(20), Augmentations.shift(0.1, 0.1), Augmentations.shear(10),
                Augmentations.zoom(0.2), Augmentations.colorJitter(0.3, 0.3, 0.3, 0.05), Augmentations.gaussianNoise(3));
        FloatImage img = ramp(3, 32, 32);
        FloatImage a = all.apply(img, new SplittableRandom(9)), b = all.apply(img, new SplittableRandom(9)), c = all.apply(img, new SplittableRandom(10));
        assertThat(a.data()).containsExactly(b.data());
        assertThat(a.data()).isNotEqualTo(c.data());
        assertThat(img.data()[5]).isEqualTo(5f); // input untouched
    }

    @Test
    void flipTwiceIsIdentityAndFlipMirrors() {
        FloatImage img = ramp(1, 3, 4);
        RandomFlip always = new RandomFlip(true, false);
        SplittableRandom rng = new SplittableRandom(0);
        FloatImage f;
        do f = always.apply(img, rng); while (f == img); // draws until the coin says flip
        assertThat(f.data()[0]).isEqualTo(img.data()[3]);
    }

    @Test
    void zeroAffineIsIdentityAndShiftMovesPixels() {
        FloatImage img = ramp(2, 9, 9);
        assertThat(new RandomAffine(0, 0, 0, 0, 1, 1, false).apply(img, new SplittableRandom(1)).data()).containsExactly(img.data());
        FloatImage rot = new RandomAffine(90, 0, 0, 0, 1, 1, true).apply(img, new SplittableRandom(1));
        assertThat(rot.shape()).containsExactly(2, 9, 9);
        // The centre pixel is a fixed point of any rotation about the centre.
        assertThat(rot.data()[4 * 9 + 4]).isCloseTo(img.data()[4 * 9 + 4], within(1e-3f));
    }

    @Test
    void colorJitterKeepsGreyGreyUnderHueAndSaturation() {
        float[] d = new float[3 * 4];
        java.util.Arrays.fill(d, 100);
        FloatImage grey = new FloatImage(3, 2, 2, d);
        FloatImage out = Augmentations.colorJitter(0, 0, 0.5, 0.3).apply(grey, new SplittableRandom(2));
        for (float v : out.data()) assertThat(v).isCloseTo(100f, within(0.05f));
    }

    @Test
    void batchesAugmentEverySample() {
        Tensor x = Tensor.of(ramp(3, 32, 32).data(), 1, 3, 32, 32);
        Tensor two = Tensor.of(new float[2 * 3 * 32 * 32], 2, 3, 32, 32);
        System.arraycopy(x.data(), 0, two.data(), 0, x.size());
        System.arraycopy(x.data(), 0, two.data(), x.size(), x.size());
        Tensor out = Augmentations.randomCrop(24, 24).applyBatch(two, new SplittableRandom(3));
        assertThat(out.shape()).containsExactly(2, 3, 24, 24);
    }
}
