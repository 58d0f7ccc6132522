package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forward against a double reference and backward against finite differences, for every plumbing op. */
class PlumbingOpsTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, shape);
    }

    /** Values in [lo, hi), for ops defined only on part of the line (log, sqrt, pow). */
    private Tensor uniform(float lo, float hi, int... shape) {
        return Tensor.uniform(rng, lo, hi, shape);
    }

    @Test
    void broadcastingBinaryOpsReduceGradientsToInputShapes() {
        int[][][] cases = {{{3, 1, 5}, {4, 1}, {3, 4, 5}}, {{2, 3}, {2, 3}, {2, 3}}, {{2, 3}, {3}, {2, 3}}, {{1}, {2, 2}, {2, 2}}, {{}, {2, 3}, {2, 3}},
                {{2, 3, 4, 5}, {1, 3, 1, 1}, {2, 3, 4, 5}}, {{3, 1, 1}, {1, 3, 2, 4}, {1, 3, 2, 4}}, {{2, 1, 3, 1}, {1, 4, 1, 2}, {2, 4, 3, 2}},
                {{1, 1}, {1}, {1, 1}}, {{2, 1, 3}, {2, 4, 3}, {2, 4, 3}}, {{4, 1}, {1, 1, 3}, {1, 4, 3}}};
        for (BroadcastOp.Kind kind : BroadcastOp.Kind.values()) {
            for (int[][] c : cases) {
                Tensor a = kind == BroadcastOp.Kind.POW ? uniform(0.5f, 2f, c[0]) : randn(c[0]);
                Tensor b = kind == BroadcastOp.Kind.DIV ? uniform(0.5f, 2f, c[1]) : randn(c[1]);
                GradCheck.check(t -> Ops.binary(kind, t[0], t[1]),
                        d -> PlumbingReference.binary(kind, d[0], c[0], d[1], c[1], c[2]), a, b);
            }
        }
        assertThatThrownBy(() -> Ops.sub(randn(2, 3), randn(4))).hasMessageContaining("do not broadcast");
    }

    @Test
    void variadicSumMeanMaxMin() {
        int[] s = {2, 3};
        GradCheck.check(t -> Ops.sumOf(t[0], t[1], t[2]), d -> add(add(d[0], d[1]), d[2]), randn(s), randn(s), randn(s));
        GradCheck.check(t -> Ops.meanOf(t[0], t[1]), d -> scale(add(d[0], d[1]), 0.5), randn(s), randn(s));
        GradCheck.check(t -> Ops.maxOf(t[0], t[1], t[2]), d -> PlumbingReference.binary(BroadcastOp.Kind.MAX,
                PlumbingReference.binary(BroadcastOp.Kind.MAX, d[0], s, d[1], new int[] {3}, s), s, d[2], s, s), randn(s), randn(3), randn(s));
        GradCheck.check(t -> Ops.minOf(t[0]), d -> d[0], randn(s));
    }

    /** Without a gradient to record, transpose copies by strides: the same values as the index map. */
    @Test
    void transposeWithoutGradientMatchesTheReference() {
        int[][] shapes = {{1, 3, 2, 5, 4}, {2, 3, 4}, {7}, {}};
        int[][][] perms = {{{0, 2, 1, 3, 4}, {4, 3, 2, 1, 0}, {0, 1, 2, 3, 4}}, {{2, 0, 1}, {1, 2, 0}}, {{0}}, {{}}};
        for (int s = 0; s < shapes.length; s++) {
            for (int[] perm : perms[s]) {
                Tensor x = randn(shapes[s]);
                double[] d = new double[x.size()];
                for (int i = 0; i < d.length; i++) d[i] = x.data()[i];
                double[] want = PlumbingReference.transpose(d, shapes[s], perm);
                Tensor y;
                try (var scope = dev.beak.autograd.Autograd.noGrad()) {
                    y = Ops.transpose(x, perm);
                }
                for (int i = 0; i < want.length; i++) assertThat((double) y.data()[i]).isEqualTo(want[i]);
            }
        }
    }

    @Test
    void transposeAndExpand() {
        int[] shape = {2, 3, 4};
        for (int[] perm : new int[][] {{2, 0, 1}, {1, 0, 2}, {0, 1, 2}}) {
            GradCheck.check(t -> Ops.transpose(t[0], perm), d -> PlumbingReference.transpose(d[0], shape, perm), randn(shape));
        }
        GradCheck.check(t -> Ops.transpose(t[0]), d -> PlumbingReference.transpose(d[0], shape, new int[] {2, 1, 0}), randn(shape));
        GradCheck.check(t -> Ops.expand(t[0], 2, 3, 4), d -> PlumbingReference.binary(BroadcastOp.Kind.ADD, d[0], new int[] {3, 1},
                new double[24], shape, shape), randn(3, 1));
    }

    @Test
    void sliceWithStepsNegativeIndicesAndClamping() {
        int[] shape = {5, 6, 3};
        // x[1:4, ::-2, -2:] ; end beyond the axis is clamped.
        GradCheck.check(t -> Ops.slice(t[0], new long[] {1, Long.MAX_VALUE, -2}, new long[] {4, Long.MIN_VALUE, 100},
                        new int[] {0, 1, -1}, new long[] {1, -2, 1}),
                d -> PlumbingReference.slice(d[0], shape, new int[] {1, 5, 1}, new int[] {1, -2, 1}, new int[] {3, 3, 2}), randn(shape));
        assertThat(Ops.slice(randn(shape), new long[] {4}, new long[] {2}, new int[] {0}, null).shape()).containsExactly(0, 6, 3);
        Tensor x = randn(2, 6);
        Tensor[] parts = Ops.split(x, 1, 2, 4);
        assertThat(parts[1].shape()).containsExactly(2, 4);
        assertThat(parts[1].data()[0]).isEqualTo(x.data()[2]);
        GradCheck.check(t -> Ops.split(t[0], -1, 1, 5)[1], d -> PlumbingReference.slice(d[0], new int[] {2, 6}, new int[] {0, 1},
                new int[] {1, 1}, new int[] {2, 5}), randn(2, 6));
    }

    @Test
    void squeezeAndUnsqueeze() {
        assertThat(Ops.squeeze(randn(1, 3, 1, 5)).shape()).containsExactly(3, 5);
        assertThat(Ops.squeeze(randn(1, 3, 1, 5), -2).shape()).containsExactly(1, 3, 5);
        assertThat(Ops.unsqueeze(randn(3, 4), 0, 3).shape()).containsExactly(1, 3, 4, 1);
        assertThat(Ops.unsqueeze(randn(3, 4), -1).shape()).containsExactly(3, 4, 1);
        GradCheck.check(t -> Ops.unsqueeze(Ops.squeeze(t[0], 0), 1), d -> d[0], randn(1, 4));
        assertThatThrownBy(() -> Ops.squeeze(randn(2, 3), 0)).hasMessageContaining("is not 1");
    }

    @Test
    void gatherIsAnEmbeddingLookupWithScatterAddGradient() {
        Tensor idx = Tensor.of(new float[] {2, 0, 2, -1}, 2, 2);
        GradCheck.check(t -> Ops.gather(t[0], idx, 0), d -> {
            double[] y = new double[12];
            int[] rows = {2, 0, 2, 3};
            for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) y[i * 3 + j] = d[0][rows[i] * 3 + j];
            return y;
        }, randn(4, 3));
        Tensor g = Ops.gather(randn(2, 5, 3), Tensor.of(new float[] {4, 1}, 2), 1);
        assertThat(g.shape()).containsExactly(2, 2, 3);
        assertThatThrownBy(() -> Ops.gather(randn(3), Tensor.of(new float[] {3}, 1), 0)).hasMessageContaining("out of range");
    }

    @Test
    void reductionsOverAxesWithAndWithoutKeepDims() {
        int[] shape = {3, 2, 4};
        for (ReduceOp.Kind kind : ReduceOp.Kind.values()) {
            for (int[] axes : new int[][] {{1}, {0, -1}, {}}) {
                boolean[] reduced = new boolean[3];
                for (int a : axes) reduced[(a + 3) % 3] = true;
                if (axes.length == 0) java.util.Arrays.fill(reduced, true);
                GradCheck.check(t -> Ops.binary(BroadcastOp.Kind.ADD, ReduceOp.apply(kind, t[0], axes, true), Tensor.scalar(0)),
                        d -> PlumbingReference.reduce(kind, d[0], shape, reduced), randn(shape));
            }
        }
        assertThat(Ops.reduceMean(randn(3, 2, 4), new int[] {1}, false).shape()).containsExactly(3, 4);
        assertThat(Ops.reduceSum(randn(3, 2), null, false).shape()).isEmpty();
    }

    @Test
    void padConstantReflectEdgeWrapAndCrop() {
        for (PadOp.Mode mode : PadOp.Mode.values()) {
            GradCheck.check(t -> Ops.pad(t[0], new int[] {0, 2, 1}, new int[] {0, 1, 3}, mode, 0.5f),
                    d -> PlumbingReference.pad2d(d[0], 3, 4, 2, 1, 1, 3, mode, 0.5), randn(1, 3, 4));
        }
        GradCheck.check(t -> Ops.pad(t[0], new int[] {-1, 1}, new int[] {0, -2}, PadOp.Mode.CONSTANT, 0f),
                d -> PlumbingReference.slice(PlumbingReference.pad2d(d[0], 3, 4, 0, 0, 1, 0, PadOp.Mode.CONSTANT, 0),
                        new int[] {3, 5}, new int[] {1, 0}, new int[] {1, 1}, new int[] {2, 3}), randn(3, 4));
    }

    @Test
    void clipAndUnaryFunctions() {
        Tensor x = uniform(-2f, 2f, 3, 4);
        for (int i = 0; i < x.size(); i++) if (Math.abs(Math.abs(x.data()[i]) - 0.5f) < 0.01f) x.data()[i] = 1.3f;
        GradCheck.check(t -> Ops.clip(t[0], -0.5f, 0.5f), d -> map(d[0], v -> Math.min(Math.max(v, -0.5), 0.5)), x);
        assertThat(Ops.clip(Tensor.of(new float[] {-3, 0, 3}, 3), 2f, 1f).data()).containsExactly(1, 1, 1);
        GradCheck.check(t -> Ops.exp(t[0]), d -> map(d[0], Math::exp), randn(2, 3));
        GradCheck.check(t -> Ops.log(t[0]), d -> map(d[0], Math::log), uniform(0.5f, 3f, 2, 3));
        GradCheck.check(t -> Ops.sqrt(t[0]), d -> map(d[0], Math::sqrt), uniform(0.5f, 3f, 2, 3));
        GradCheck.check(t -> Ops.abs(t[0]), d -> map(d[0], Math::abs), uniform(0.1f, 1f, 2, 3));
        GradCheck.check(t -> Ops.neg(t[0]), d -> map(d[0], v -> -v), randn(2, 3));
        GradCheck.check(t -> Ops.reciprocal(t[0]), d -> map(d[0], v -> 1 / v), uniform(0.5f, 2f, 2, 3));
        GradCheck.check(t -> Ops.identity(t[0]), d -> d[0], randn(2, 3));
    }

    @Test
    void depthToSpaceBothModesAndSpaceToDepthInverse() {
        for (DepthToSpaceOp.Mode mode : DepthToSpaceOp.Mode.values()) {
            GradCheck.check(t -> Ops.depthToSpace(t[0], 2, mode),
                    d -> PlumbingReference.depthToSpace(d[0], 2, 8, 2, 3, 2, mode == DepthToSpaceOp.Mode.DCR), randn(2, 8, 2, 3));
        }
        Tensor x = randn(1, 2, 4, 6);
        Tensor back = Ops.depthToSpace(Ops.spaceToDepth(x, 2), 2, DepthToSpaceOp.Mode.DCR);
        assertThat(back.data()).containsExactly(x.data());
        GradCheck.check(t -> Ops.spaceToDepth(t[0], 2), d -> d[0].clone().length == 48 ? spaceToDepthRef(d[0]) : null, randn(1, 2, 4, 6));
    }

    /** Space-to-depth as the inverse of the DCR reference, found by pushing unit vectors through it. */
    private static double[] spaceToDepthRef(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] e = new double[x.length];
            e[i] = 1;
            double[] image = PlumbingReference.depthToSpace(e, 1, 8, 2, 3, 2, true);
            for (int j = 0; j < x.length; j++) if (image[j] == 1) y[i] = x[j];
        }
        return y;
    }

    @Test
    void resizeLinearMatchesBilinearAndNearestRounds() {
        GradCheck.check(t -> Ops.resize(t[0], new int[] {1, 2, 5, 7}, null, ResizeOp.Interpolation.LINEAR,
                        ResizeOp.CoordinateMode.HALF_PIXEL, ResizeOp.NearestMode.ROUND_PREFER_FLOOR),
                d -> PlumbingReference.bilinearHalfPixel(d[0], 2, 3, 4, 5, 7), randn(1, 2, 3, 4));
        GradCheck.check(t -> Ops.resize(t[0], new int[] {1, 2, 2, 3}, null, ResizeOp.Interpolation.LINEAR,
                        ResizeOp.CoordinateMode.HALF_PIXEL, ResizeOp.NearestMode.ROUND_PREFER_FLOOR),
                d -> PlumbingReference.bilinearHalfPixel(d[0], 2, 3, 4, 2, 3), randn(1, 2, 3, 4));
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        Tensor up = Ops.resize(x, new int[] {1, 1, 4, 4}, null, ResizeOp.Interpolation.NEAREST,
                ResizeOp.CoordinateMode.ASYMMETRIC, ResizeOp.NearestMode.FLOOR);
        assertThat(up.data()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
        Tensor corners = Ops.resize(Tensor.of(new float[] {0, 3}, 1, 2), new int[] {1, 4}, null, ResizeOp.Interpolation.LINEAR,
                ResizeOp.CoordinateMode.ALIGN_CORNERS, ResizeOp.NearestMode.FLOOR);
        assertThat(corners.data()).containsExactly(0, 1, 2, 3);
        GradCheck.check(t -> Ops.resize(t[0], new int[] {2, 6}, null, ResizeOp.Interpolation.NEAREST,
                ResizeOp.CoordinateMode.HALF_PIXEL, ResizeOp.NearestMode.ROUND_PREFER_CEIL), d -> {
            double[] y = new double[12];
            for (int r = 0; r < 2; r++) for (int j = 0; j < 6; j++) y[r * 6 + j] = d[0][r * 3 + (int) Math.min(2, Math.floor((j + 0.5) / 2 - 0.5 + 0.5))];
            return y;
        }, randn(2, 3));
    }

    @Test
    void matmulBatchedWithBroadcastAndVectors() {
        GradCheck.check(t -> Ops.matmul(t[0], t[1]), d -> PlumbingReference.matmul(d[0], d[1], 3, 2, 4, 5), randn(3, 2, 4), randn(4, 5));
        GradCheck.check(t -> Ops.matmul(t[0], t[1]), d -> PlumbingReference.matmul(d[0], d[1], 1, 1, 4, 1), randn(4), randn(4));
        assertThat(Ops.matmul(randn(4), randn(2, 4, 3)).shape()).containsExactly(2, 3);
        assertThat(Ops.matmul(randn(2, 1, 3, 4), randn(5, 4, 2)).shape()).containsExactly(2, 5, 3, 2);
        assertThatThrownBy(() -> Ops.matmul(randn(2, 3), randn(4, 2))).hasMessageContaining("inner sizes 3 and 4");
    }

    @Test
    void constants() {
        assertThat(Ops.constantOfShape(2f, 2, 3).data()).containsOnly(2f).hasSize(6);
        assertThat(Ops.constant(new float[] {1, 2}, 2).requiresGrad()).isFalse();
    }

    private static double[] add(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) y[i] = a[i] + b[i];
        return y;
    }

    private static double[] scale(double[] a, double s) {
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) y[i] = a[i] * s;
        return y;
    }

    private static double[] map(double[] a, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[a.length];
        for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(a[i]);
        return y;
    }

    @Test
    void convNdIn3dAndAgreesWithConv2d() {
        int[] xs = {2, 2, 4, 5, 4}, ws = {3, 2, 2, 3, 2};
        for (int[] psd : new int[][] {{0, 1, 1}, {1, 2, 1}, {1, 1, 2}}) {
            int p = psd[0], s = psd[1], d = psd[2];
            int[] three = {s, s, s}, dil = {d, d, d}, pad = {p, p, p};
            GradCheck.check(t -> Ops.convNd(t[0], t[1], t[2], three, dil, pad, pad),
                    x -> PlumbingReference.conv3d(x[0], x[1], x[2], xs, ws, p, s, d), 1e-4, randn(xs), randn(ws), randn(3));
        }
        Tensor x = randn(2, 3, 6, 5), w = randn(4, 3, 3, 2);
        Window2d g = Window2d.of(x.shape(), 3, 2, 2, 1, 1, 2, new Padding.Explicit(1, 0, 2, 1));
        GradCheck.check(t -> Ops.convNd(t[0], t[1], null, new int[] {2, 1}, new int[] {1, 2}, new int[] {1, 2}, new int[] {0, 1}),
                d -> Reference.conv2d(d[0], d[1], null, g, 4), x, w);
    }

    @Test
    void maxPoolNdWithDilationAnd3d() {
        Tensor x = Tensor.zeros(2, 3, 7, 6);
        for (int i = 0; i < x.size(); i++) x.data()[i] = (float) ((i * 37 % 101) * 0.1);
        GradCheck.check(t -> Ops.maxPoolNd(t[0], new int[] {2, 2}, new int[] {1, 1}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}),
                d -> PlumbingReference.maxPool2dDilated(d[0], 6, 7, 6, 2, 1, 2, 1), x);
        Tensor cube = Tensor.zeros(1, 1, 2, 2, 2);
        for (int i = 0; i < 8; i++) cube.data()[i] = i == 5 ? 9 : i;
        Tensor y = Ops.maxPoolNd(cube, new int[] {2, 2, 2}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[3], new int[3]);
        assertThat(y.shape()).containsExactly(1, 1, 1, 1, 1);
        assertThat(y.item()).isEqualTo(9f);
        assertThatThrownBy(() -> Ops.maxPoolNd(cube, new int[] {3, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[3], new int[3]))
                .hasMessageContaining("does not fit");
    }
}
