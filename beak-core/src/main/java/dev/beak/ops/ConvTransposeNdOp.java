package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Transposed convolution over any number of spatial axes (used for 3-d; 1-d and 2-d have the faster
 * {@link ConvTranspose2dOp}), computed directly: every input value scatters, through the kernel, onto
 * the output positions {@code o = i * stride - before + q * dilation} that fall inside the output.
 *
 * <p>Shapes: x (N, C, I1..Ik); w (C, F/G, K1..Kk); b (F) or null; y (N, F, O1..Ok) with
 * {@code O = (I - 1) * stride - before - after + dilation * (K - 1) + outputPadding + 1}.
 * Forward: {@code y[n, g*F/G + f, o] += x[n, c, i] * w[c, f, q]} for c in group g. Backward:
 * {@code dx[n,c,i] += dy[n,f,o] * w[c,f,q]}, {@code dw[c,f,q] += dy[n,f,o] * x[n,c,i]}, {@code db[f] += sum dy[n,f,:]}.
 */
public final class ConvTransposeNdOp {
    private ConvTransposeNdOp() {}

    public static Tensor apply(Tensor x, Tensor w, Tensor b, int[] stride, int[] dilation, int[] before, int[] after,
                               int[] outputPadding, int groups) {
        int k = x.rank() - 2;
        if (k < 1 || w.rank() != k + 2 || groups < 1 || x.dim(1) != w.dim(0) || x.dim(1) % groups != 0
                || stride.length != k || dilation.length != k || before.length != k || after.length != k || outputPadding.length != k) {
            throw new IllegalArgumentException("conv_transpose: input " + Shape.toString(x.shape()) + " and weights "
                    + Shape.toString(w.shape()) + " do not fit " + groups + " groups, stride " + Arrays.toString(stride)
                    + ", dilation " + Arrays.toString(dilation) + ", padding " + Arrays.toString(before) + "/" + Arrays.toString(after));
        }
        int n = x.dim(0), c = x.dim(1), cg = c / groups, fg = w.dim(1), f = fg * groups;
        int[] kernel = Arrays.copyOfRange(w.shape(), 2, w.rank()), input = Arrays.copyOfRange(x.shape(), 2, x.rank()), out = new int[k];
        for (int a = 0; a < k; a++) {
            out[a] = (input[a] - 1) * stride[a] - before[a] - after[a] + dilation[a] * (kernel[a] - 1) + outputPadding[a] + 1;
            if (out[a] < 1 || outputPadding[a] < 0 || outputPadding[a] >= Math.max(stride[a], dilation[a])) {
                throw new IllegalArgumentException("conv_transpose: input " + Shape.toString(x.shape()) + " with weights "
                        + Shape.toString(w.shape()) + " and output padding " + Arrays.toString(outputPadding) + " gives output " + Arrays.toString(out));
            }
        }
        if (b != null && b.size() != f) throw new IllegalArgumentException("conv_transpose bias must be (" + f + "), got " + Shape.toString(b.shape()));
        int positions = Shape.size(input), offsets = Shape.size(kernel), outSize = Shape.size(out);
        int[] table = new int[positions * offsets], ic = new int[k], kc = new int[k];
        for (int p = 0; p < positions; p++) {
            unravel(p, input, ic);
            for (int q = 0; q < offsets; q++) {
                unravel(q, kernel, kc);
                int at = 0;
                for (int a = 0; a < k && at >= 0; a++) {
                    int o = ic[a] * stride[a] - before[a] + kc[a] * dilation[a];
                    at = o < 0 || o >= out[a] ? -1 : at * out[a] + o;
                }
                table[p * offsets + q] = at;
            }
        }
        float[] xv = x.data(), wv = w.data(), y = new float[n * f * outSize];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                int gi = ch / cg, xBase = (i * c + ch) * positions;
                for (int fo = 0; fo < fg; fo++) {
                    int yBase = (i * f + gi * fg + fo) * outSize, wBase = (ch * fg + fo) * offsets;
                    for (int p = 0; p < positions; p++) {
                        float v = xv[xBase + p];
                        for (int q = 0; q < offsets; q++) {
                            int at = table[p * offsets + q];
                            if (at >= 0) y[yBase + at] += v * wv[wBase + q];
                        }
                    }
                }
            }
        }
        if (b != null) for (int j = 0; j < n * f; j++) for (int o = j * outSize, e = o + outSize; o < e; o++) y[o] += b.data()[j % f];
        int[] shape = new int[k + 2];
        shape[0] = n;
        shape[1] = f;
        System.arraycopy(out, 0, shape, 2, k);
        return Autograd.record(Tensor.of(y, shape), "ConvTransposeNd", dy -> {
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int j = 0; j < n * f; j++) {
                    double s = 0;
                    for (int o = j * outSize, e = o + outSize; o < e; o++) s += dy[o];
                    db[j % f] += (float) s;
                }
            }
            float[] dx = x.requiresGrad() ? x.gradBuffer() : null, dw = w.requiresGrad() ? w.gradBuffer() : null;
            if (dx == null && dw == null) return;
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    int gi = ch / cg, xBase = (i * c + ch) * positions;
                    for (int fo = 0; fo < fg; fo++) {
                        int yBase = (i * f + gi * fg + fo) * outSize, wBase = (ch * fg + fo) * offsets;
                        for (int p = 0; p < positions; p++) {
                            float v = xv[xBase + p], s = 0;
                            for (int q = 0; q < offsets; q++) {
                                int at = table[p * offsets + q];
                                if (at < 0) continue;
                                s += dy[yBase + at] * wv[wBase + q];
                                if (dw != null) dw[wBase + q] += dy[yBase + at] * v;
                            }
                            if (dx != null) dx[xBase + p] += s;
                        }
                    }
                }
            }
        }, x, w, b);
    }

    private static void unravel(int flat, int[] shape, int[] coord) {
        for (int a = shape.length - 1; a >= 0; a--) {
            coord[a] = flat % shape[a];
            flat /= shape[a];
        }
    }
}
