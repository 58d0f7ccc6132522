package dev.beak.io.onnx;

import dev.beak.ops.MaxPoolNdOp;
import dev.beak.ops.Ops;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

import static dev.beak.io.onnx.OnnxNode.in;
import static dev.beak.io.onnx.OnnxNode.one;

/**
 * Converters for Conv and MaxPool. ONNX's 1-d forms, (N, C, L), run as 2-d with a height of 1; 3-d
 * forms run on the direct N-d ops.
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

        /** Padding {before, after} per spatial axis for the spatial input sizes {@code in}. */
        int[][] pads(int[] in) {
            int[] before = new int[dims], after = new int[dims];
            for (int a = 0; a < dims; a++) {
                int[] p = switch (autoPad) {
                    case "SAME_UPPER" -> upper(in[a], kernel[a], strides[a], dilations[a]);
                    case "SAME_LOWER" -> lower(in[a], kernel[a], strides[a], dilations[a]);
                    case "VALID" -> new int[2];
                    default -> new int[] {pads[a], pads[a + dims]};
                };
                before[a] = p[0];
                after[a] = p[1];
            }
            return new int[][] {before, after};
        }

        private static int[] upper(int in, int k, int s, int d) {
            int[] p = lower(in, k, s, d);
            return new int[] {p[1], p[0]};
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
        if (kernel.length < 1 || kernel.length > 3) throw n.unsupported(kernel.length + "-d convolution is not supported");
        if (n.i("group", 1) != 1) throw n.needsOp("Conv with group = " + n.i("group", 1) + " (grouped convolution)");
        Window g = Window.of(n, kernel);
        int[] s = g.two(g.strides(), 1), d = g.two(g.dilations(), 1);
        return (t, in) -> {
            Tensor x = in[0], w = in[1], b = in(in, 2);
            if (g.dims() == 3) {
                int[][] p = g.pads(Arrays.copyOfRange(x.shape(), 2, x.rank()));
                return one(Ops.convNd(x, w, b, g.strides(), g.dilations(), p[0], p[1]));
            }
            if (g.dims() == 1) {
                x = Ops.unsqueeze(x, 2);
                w = Ops.unsqueeze(w, 2);
            }
            Tensor y = Ops.conv2d(x, w, b, s[0], s[1], d[0], d[1], g.padding(x.dim(2), x.dim(3)));
            return one(g.dims() == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    /**
     * MaxPool: 1-d and 2-d windows run on {@link Ops#maxPool2d}; 3-d windows, dilated windows and the
     * Indices output (flat positions in x, row-major, or column-major within a plane with storage_order 1)
     * run on {@link MaxPoolNdOp}.
     */
    static OnnxKernel maxPool(OnnxNode n) {
        int[] kernel = n.ints("kernel_shape", null);
        if (kernel == null) throw n.invalid("MaxPool needs kernel_shape");
        if (kernel.length < 1 || kernel.length > 3) throw n.unsupported(kernel.length + "-d pooling is not supported");
        if (n.i("ceil_mode", 0) != 0) throw n.needsOp("MaxPool with ceil_mode");
        Window g = Window.of(n, kernel);
        boolean dilated = Arrays.stream(g.dilations()).anyMatch(v -> v != 1), indices = n.outputCount() > 1;
        boolean columnMajor = n.i("storage_order", 0) == 1;
        if (columnMajor && indices && kernel.length != 2) throw n.unsupported("storage_order = 1 is supported for 2-d pooling only");
        int[] k = g.two(kernel, 1), s = g.two(g.strides(), 1);
        return (t, in) -> {
            Tensor x = in[0];
            if (g.dims() == 3 || dilated || indices) {
                int[][] p = g.pads(Arrays.copyOfRange(x.shape(), 2, x.rank()));
                MaxPoolNdOp.Result r = MaxPoolNdOp.pool(x, kernel, g.strides(), g.dilations(), p[0], p[1]);
                return new Tensor[] {r.values(), indices ? positions(r.argmax(), x, r.values().shape(), columnMajor) : null};
            }
            if (g.dims() == 1) x = Ops.unsqueeze(x, 2);
            Tensor y = Ops.maxPool2d(x, k[0], k[1], s[0], s[1], g.padding(x.dim(2), x.dim(3)));
            return one(g.dims() == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    /** ONNX's Indices: flat positions in x; with storage_order 1 the plane is counted column-major. */
    private static Tensor positions(int[] argmax, Tensor x, int[] shape, boolean columnMajor) {
        float[] r = new float[argmax.length];
        int h = x.rank() == 4 ? x.dim(2) : 1, w = x.dim(-1), plane = h * w;
        for (int i = 0; i < r.length; i++) {
            int at = argmax[i];
            if (columnMajor) {
                int pl = at / plane, a = at % plane / w, b = at % w;
                at = pl * plane + b * h + a;
            }
            r[i] = at;
        }
        return Tensor.of(r, shape);
    }
}
