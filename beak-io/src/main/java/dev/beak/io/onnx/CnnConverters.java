package dev.beak.io.onnx;

import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

import static dev.beak.io.onnx.OnnxNode.in;
import static dev.beak.io.onnx.OnnxNode.one;

/**
 * Converters for Conv and MaxPool. ONNX's 1-d forms, (N, C, L), run as 2-d with a height of 1.
 * Padding: explicit {@code pads} (begin values, then end values), or {@code auto_pad} SAME_UPPER
 * (Beak's {@link Padding#SAME}: the odd pixel at the end), SAME_LOWER (odd pixel at the start), VALID.
 */
final class CnnConverters {
    private CnnConverters() {}

    /** The window attributes shared by Conv and MaxPool, for 1 or 2 spatial axes. */
    private record Window(int dims, int[] kernel, int[] strides, int[] dilations, int[] pads, String autoPad) {
        static Window of(OnnxNode n, int[] kernel) {
            int d = kernel.length;
            int[] ones = new int[d];
            Arrays.fill(ones, 1);
            int[] pads = n.ints("pads", new int[2 * d]);
            String auto = n.s("auto_pad", "NOTSET");
            if (pads.length != 2 * d) throw n.invalid("pads " + Arrays.toString(pads) + " for " + d + " spatial axes");
            return new Window(d, kernel, n.ints("strides", ones), n.ints("dilations", ones), pads, auto);
        }

        /** The 2-d view: 1-d windows get a height of 1. */
        int[] two(int[] v, int fill) {
            return dims == 2 ? v : new int[] {fill, v[0]};
        }

        Padding padding(int h, int w) {
            int[] k = two(kernel, 1), s = two(strides, 1), d = two(dilations, 1);
            return switch (autoPad) {
                case "SAME_UPPER" -> Padding.SAME;
                case "VALID" -> Padding.VALID;
                case "SAME_LOWER" -> {
                    int[] ph = lower(h, k[0], s[0], d[0]), pw = lower(w, k[1], s[1], d[1]);
                    yield new Padding.Explicit(ph[0], ph[1], pw[0], pw[1]);
                }
                default -> dims == 2 ? new Padding.Explicit(pads[0], pads[2], pads[1], pads[3])
                        : new Padding.Explicit(0, 0, pads[0], pads[1]);
            };
        }

        private static int[] lower(int in, int k, int s, int d) {
            int out = (in + s - 1) / s, total = Math.max(0, (out - 1) * s + (k - 1) * d + 1 - in);
            return new int[] {total - total / 2, total / 2};
        }
    }

    static OnnxKernel conv(OnnxNode n) {
        Tensor w0 = n.constant(1);
        int[] kernel = n.ints("kernel_shape", w0 == null ? null : Arrays.copyOfRange(w0.shape(), 2, w0.rank()));
        if (kernel == null) throw n.unsupported("Conv weights computed at run time need a kernel_shape attribute");
        if (kernel.length == 3) throw n.needsOp("Conv3d");
        if (kernel.length != 1 && kernel.length != 2) throw n.unsupported(kernel.length + "-d convolution is not supported");
        if (n.i("group", 1) != 1) throw n.needsOp("Conv with group = " + n.i("group", 1) + " (grouped convolution)");
        Window g = Window.of(n, kernel);
        int[] s = g.two(g.strides(), 1), d = g.two(g.dilations(), 1);
        return (t, in) -> {
            Tensor x = in[0], w = in[1], b = in(in, 2);
            if (g.dims() == 1) {
                x = Ops.unsqueeze(x, 2);
                w = Ops.unsqueeze(w, 2);
            }
            Tensor y = Ops.conv2d(x, w, b, s[0], s[1], d[0], d[1], g.padding(x.dim(2), x.dim(3)));
            return one(g.dims() == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    static OnnxKernel maxPool(OnnxNode n) {
        int[] kernel = n.ints("kernel_shape", null);
        if (kernel == null) throw n.invalid("MaxPool needs kernel_shape");
        if (kernel.length == 3) throw n.needsOp("MaxPool3d");
        if (kernel.length != 1 && kernel.length != 2) throw n.unsupported(kernel.length + "-d pooling is not supported");
        if (n.i("ceil_mode", 0) != 0) throw n.needsOp("MaxPool with ceil_mode");
        Window g = Window.of(n, kernel);
        for (int v : g.dilations()) if (v != 1) throw n.needsOp("MaxPool with dilations");
        int[] k = g.two(kernel, 1), s = g.two(g.strides(), 1);
        boolean columnMajor = n.i("storage_order", 0) == 1;
        return (t, in) -> {
            Tensor x = g.dims() == 1 ? Ops.unsqueeze(in[0], 2) : in[0];
            Padding p = g.padding(x.dim(2), x.dim(3));
            Tensor y = Ops.maxPool2d(x, k[0], k[1], s[0], s[1], p);
            Tensor idx = n.outputCount() > 1 ? indices(x, y, k, s, p, columnMajor) : null;
            if (g.dims() == 1) {
                y = Ops.squeeze(y, 2);
                if (idx != null) idx = idx.view(y.shape());
            }
            return new Tensor[] {y, idx};
        };
    }

    /** MaxPool's second output: the flat index of each maximum in x, row- or column-major within the plane. */
    private static Tensor indices(Tensor x, Tensor y, int[] k, int[] s, Padding p, boolean columnMajor) {
        int h = x.dim(2), w = x.dim(3), oh = y.dim(2), ow = y.dim(3), planes = x.dim(0) * x.dim(1);
        int top = p.resolve(0, h, k[0], s[0], 1)[0], left = p.resolve(1, w, k[1], s[1], 1)[0];
        float[] xv = x.data(), r = new float[y.size()];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, o++) {
                    int best = -1;
                    for (int a = Math.max(0, i * s[0] - top); a < Math.min(h, i * s[0] - top + k[0]); a++) {
                        for (int b = Math.max(0, j * s[1] - left); b < Math.min(w, j * s[1] - left + k[1]); b++) {
                            int at = (pl * h + a) * w + b;
                            if (best < 0 || xv[at] > xv[best]) best = at;
                        }
                    }
                    int a = (best / w) % h, b = best % w;
                    r[o] = (float) ((long) pl * h * w + (columnMajor ? (long) b * h + a : (long) a * w + b));
                }
            }
        }
        return Tensor.of(r, y.shape());
    }
}
