package dev.beak.nn;

import dev.beak.nn.layer.ClippedRelu;
import dev.beak.nn.layer.Crop2d;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.nn.layer.Merge;
import dev.beak.nn.layer.Permute;
import dev.beak.nn.layer.PReluNd;
import dev.beak.nn.layer.Rescale;
import dev.beak.nn.layer.Reshape;
import dev.beak.nn.layer.SpatialDropout;
import dev.beak.nn.layer.Upsample2d;
import dev.beak.nn.layer.ZeroPad2d;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Values of the layers added for Keras import, against index arithmetic written out here. */
class ImportLayersTest {
    private static final int N = 2, C = 3, H = 4, W = 5;
    private final Tensor x = Tensor.randn(new SplittableRandom(7), N, C, H, W);

    private static Tensor run(LayerSpec spec, Tensor... in) {
        int[][] shapes = new int[in.length][];
        for (int i = 0; i < in.length; i++) shapes[i] = java.util.Arrays.copyOfRange(in[i].shape(), 1, in[i].rank());
        Layer layer = spec.build(new SplittableRandom(1), shapes);
        return layer.forward(false, in);
    }

    private float at(int n, int c, int h, int w) {
        return x.data()[((n * C + c) * H + h) * W + w];
    }

    @Test
    void zeroPadAndCropMoveTheWindow() {
        Tensor p = run(new ZeroPad2d(1, 2, 0, 1), x);
        assertThat(p.shape()).containsExactly(N, C, H + 3, W + 1);
        assertThat(p.data()[((1 * C + 2) * (H + 3) + 0) * (W + 1) + 3]).isZero();
        assertThat(p.data()[((1 * C + 2) * (H + 3) + 2) * (W + 1) + 3]).isEqualTo(at(1, 2, 1, 3));
        Tensor c = run(new Crop2d(1, 0, 2, 1), x);
        assertThat(c.shape()).containsExactly(N, C, H - 1, W - 3);
        assertThat(c.data()[((1 * C + 1) * (H - 1) + 2) * (W - 3) + 1]).isEqualTo(at(1, 1, 3, 3));
        assertThatThrownBy(() -> new Crop2d(2, 2, 0, 0).outputShape(new int[] {C, H, W})).hasMessageContaining("leaves nothing");
    }

    @Test
    void nearestUpsamplingRepeatsPixelsAndBilinearUsesHalfPixelCentres() {
        Tensor u = run(new Upsample2d(2, 3, false), x);
        assertThat(u.shape()).containsExactly(N, C, 2 * H, 3 * W);
        assertThat(u.data()[((0 * C + 1) * 2 * H + 5) * 3 * W + 7]).isEqualTo(at(0, 1, 2, 2));
        Tensor b = run(new Upsample2d(2, 1, true), x);
        // Output row 1 of 8 samples input row (1 + 0.5) / 2 - 0.5 = 0.25: 0.75 * row 0 + 0.25 * row 1.
        assertThat(b.data()[((1 * C + 0) * 2 * H + 1) * W + 2]).isCloseTo(0.75f * at(1, 0, 0, 2) + 0.25f * at(1, 0, 1, 2), within(1e-6f));
    }

    @Test
    void reshapeReadsRowMajorAndPermuteMovesAxes() {
        Tensor r = run(new Reshape(new int[] {-1, 10}), x);
        assertThat(r.shape()).containsExactly(N, C * H * W / 10, 10);
        assertThat(r.data()).containsExactly(x.data());
        Tensor p = run(new Permute(new int[] {2, 0, 1}), x);
        assertThat(p.shape()).containsExactly(N, W, C, H);
        assertThat(p.data()[((1 * W + 4) * C + 2) * H + 3]).isEqualTo(at(1, 2, 3, 4));
        assertThatThrownBy(() -> new Permute(new int[] {0, 0, 1})).hasMessageContaining("permutation");
        assertThatThrownBy(() -> new Reshape(new int[] {7, -1}).outputShape(new int[] {C, H, W})).hasMessageContaining("cannot become");
    }

    @Test
    void mergesCombineElementByElement() {
        Tensor y = Tensor.randn(new SplittableRandom(8), N, C, H, W), z = Tensor.randn(new SplittableRandom(9), N, C, H, W);
        int i = 37;
        float a = x.data()[i], b = y.data()[i], c = z.data()[i];
        assertThat(run(new Merge(Merge.Kind.SUBTRACT), x, y).data()[i]).isEqualTo(a - b);
        assertThat(run(new Merge(Merge.Kind.MULTIPLY), x, y, z).data()[i]).isCloseTo(a * b * c, within(1e-6f));
        assertThat(run(new Merge(Merge.Kind.AVERAGE), x, y, z).data()[i]).isCloseTo((a + b + c) / 3, within(1e-6f));
        assertThat(run(new Merge(Merge.Kind.MAXIMUM), x, y, z).data()[i]).isEqualTo(Math.max(a, Math.max(b, c)));
        assertThat(run(new Merge(Merge.Kind.MINIMUM), x, y).data()[i]).isEqualTo(Math.min(a, b));
        assertThatThrownBy(() -> new Merge(Merge.Kind.SUBTRACT).outputShape(new int[] {2}, new int[] {2}, new int[] {2})).hasMessageContaining("exactly two");
        for (Merge.Kind k : Merge.Kind.values()) {
            Merge m = new Merge(k);
            assertThat(LayerTypes.read(LayerTypes.nameOf(m), LayerTypes.write(m))).isEqualTo(m);
        }
    }

    @Test
    void rescaleClippedReluAndPerPositionPRelu() {
        assertThat(run(new Rescale(0.5f, -1f), x).data()[11]).isCloseTo(x.data()[11] * 0.5f - 1f, within(1e-6f));
        Tensor r = run(new ClippedRelu(0.1f, 0.8f), x);
        for (int i = 0; i < x.size(); i++) {
            float v = x.data()[i];
            assertThat(r.data()[i]).isCloseTo(Math.min(v >= 0 ? v : 0.1f * v, 0.8f), within(1e-7f));
        }
        PReluNd spec = new PReluNd(new int[] {C, 1, W}, 0.25f);
        Layer layer = spec.build(new SplittableRandom(1), new int[] {C, H, W});
        float[] slope = layer.parameters().get(0).value().data();
        for (int i = 0; i < slope.length; i++) slope[i] = 0.01f * i;
        Tensor y = layer.forward(false, x);
        int n = 1, c = 2, h = 3, w = 4;
        float v = at(n, c, h, w);
        assertThat(y.data()[((n * C + c) * H + h) * W + w]).isCloseTo(v > 0 ? v : 0.01f * (c * W + w) * v, within(1e-6f));
        assertThatThrownBy(() -> spec.outputShape(new int[] {C, H, W + 1})).hasMessageContaining("does not fit");
        assertThat(Shape.size(spec.slopeShape())).isEqualTo(C * W);
    }

    @Test
    void spatialDropoutDropsWholeChannelsInTrainingOnly() {
        Layer layer = new SpatialDropout(0.5f).build(new SplittableRandom(3), new int[] {C, H, W});
        assertThat(layer.forward(false, x)).isSameAs(x);
        Tensor y = layer.forward(true, x);
        int dropped = 0;
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                float first = y.data()[((n * C + c) * H) * W] / at(n, c, 0, 0);
                if (y.data()[((n * C + c) * H) * W] == 0f) dropped++;
                for (int h = 0; h < H; h++) {
                    for (int w = 0; w < W; w++) {
                        float v = y.data()[((n * C + c) * H + h) * W + w];
                        assertThat(v).isCloseTo(first == 0f ? 0f : 2f * at(n, c, h, w), within(1e-6f));
                    }
                }
            }
        }
        assertThat(dropped).isBetween(1, N * C - 1);
    }
}
