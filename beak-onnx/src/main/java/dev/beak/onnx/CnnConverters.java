package dev.beak.onnx;

import dev.beak.ops.FrozenConv2d;
import dev.beak.ops.MaxPoolNdOp;
import dev.beak.ops.Ops;
import dev.beak.ops.PoolWindow;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

import static dev.beak.onnx.OnnxNode.in;
import static dev.beak.onnx.OnnxNode.one;

/**
 * Converters for Conv, ConvTranspose and MaxPool. ONNX's 1-d forms, (N, C, L), run as 2-d with a
 * height of 1; 3-d forms run on the direct N-d ops. Window attributes are read by {@link OnnxWindow}.
 */
final class CnnConverters {
    private CnnConverters() {}

    /** Conv, grouped when {@code group > 1} (3-d groups run as one N-d convolution per group, joined). */
    static OnnxKernel conv(OnnxNode n) {
        int[] kernel = kernel(n);
        int groups = (int) n.i("group", 1);
        if (groups < 1) throw n.invalid("group " + groups);
        OnnxWindow g = OnnxWindow.of(n, kernel);
        int[] s = g.two(g.strides(), 1), d = g.two(g.dilations(), 1);
        // An inference plan's 2-d convolution packs its filters once instead of on every run.
        FrozenConv2d frozen = n.frozen() && g.dims() == 2 && n.constant(1) != null && n.constant(1).rank() == 4
                && n.constant(1).dim(0) % groups == 0 && (!n.hasInput(2) || n.constant(2) != null)
                ? new FrozenConv2d(n.constant(1), n.hasInput(2) ? n.constant(2) : null, groups) : null;
        boolean add = n.addAfter(), relu = n.reluAfter();
        return (t, in) -> {
            Tensor x = in[0], w = in[1], b = in(in, 2), addend = add ? in[in.length - 1] : null;
            g.check(n, x);
            if (frozen != null && x.rank() == 4) {
                return one(frozen.apply(x, s[0], s[1], d[0], d[1], g.padding(x.dim(2), x.dim(3)), addend, relu));
            }
            Tensor y = convolve(n, g, groups, s, d, x, w, b);
            if (add) y = Ops.add(y, addend);
            return one(relu ? Ops.relu(y) : y);
        };
    }

    /** The convolution of x by w (and b), as ONNX's Conv with this window defines it, on the general ops. */
    private static Tensor convolve(OnnxNode n, OnnxWindow g, int groups, int[] s, int[] d, Tensor x, Tensor w, Tensor b) {
        if (g.dims() == 3) {
            int[][] p = g.pads(Arrays.copyOfRange(x.shape(), 2, x.rank()));
            if (groups == 1) return Ops.convNd(x, w, b, g.strides(), g.dilations(), p[0], p[1]);
            Tensor[] xs = Ops.split(x, 1, equal(x.dim(1), groups, n)), ws = Ops.split(w, 0, equal(w.dim(0), groups, n));
            Tensor[] bs = b == null ? null : Ops.split(b, 0, equal(b.dim(0), groups, n)), ys = new Tensor[groups];
            for (int k = 0; k < groups; k++) ys[k] = Ops.convNd(xs[k], ws[k], bs == null ? null : bs[k], g.strides(), g.dilations(), p[0], p[1]);
            return Ops.concat(1, ys);
        }
        if (g.dims() == 1) {
            x = Ops.unsqueeze(x, 2);
            w = Ops.unsqueeze(w, 2);
        }
        Tensor y = Ops.conv2d(x, w, b, s[0], s[1], d[0], d[1], g.padding(x.dim(2), x.dim(3)), groups);
        return g.dims() == 1 ? Ops.squeeze(y, 2) : y;
    }

    /**
     * ConvTranspose: 1-d and 2-d on {@link Ops#convTranspose2d}, 3-d on {@link Ops#convTransposeNd}. With
     * {@code output_shape} (or SAME auto padding) the padding is derived from the output size as ONNX
     * says; padding that comes out negative at the end lengthens the output (output padding).
     */
    static OnnxKernel convTranspose(OnnxNode n) {
        int[] attr = n.ints("kernel_shape", null), outputPaddingAttr = n.ints("output_padding", null), outputShape = n.ints("output_shape", null);
        int groups = (int) n.i("group", 1);
        if (attr != null && (attr.length < 1 || attr.length > 3)) throw n.unsupported(attr.length + "-d transposed convolution is not supported");
        return (t, in) -> {
            Tensor x = in[0], w = in[1], b = in(in, 2);
            int dims = w.rank() - 2;
            if (dims < 1 || dims > 3 || x.rank() != w.rank()) {
                throw n.invalid("input " + Shape.toString(x.shape()) + " and weights " + Shape.toString(w.shape()) + " for a 1-d to 3-d transposed convolution");
            }
            int[] kernel = Arrays.copyOfRange(w.shape(), 2, w.rank());
            OnnxWindow g = OnnxWindow.of(n, kernel);
            int[] outputPadding = outputPaddingAttr != null ? outputPaddingAttr : new int[dims];
            if (outputPadding.length != dims) throw n.invalid("output_padding " + Arrays.toString(outputPadding) + " for " + dims + " spatial axes");
            boolean derived = outputShape != null || g.autoPad().startsWith("SAME"), upper = g.autoPad().equals("SAME_UPPER");
            int[] before = new int[dims], after = new int[dims], op = outputPadding.clone();
            for (int a = 0; a < dims; a++) {
                int size = x.dim(a + 2), s = g.strides()[a];
                if (derived) {
                    int target = outputShape != null ? outputShape[outputShape.length - dims + a] : size * s;
                    int total = s * (size - 1) + op[a] + (kernel[a] - 1) * g.dilations()[a] + 1 - target;
                    before[a] = upper ? Math.floorDiv(total, 2) : total - Math.floorDiv(total, 2);
                    after[a] = total - before[a];
                } else if (!g.autoPad().equals("VALID")) {
                    before[a] = g.pads()[a];
                    after[a] = g.pads()[a + dims];
                }
                if (after[a] < 0) {
                    op[a] -= after[a];
                    after[a] = 0;
                }
                if (before[a] < 0) throw n.unsupported("ConvTranspose output larger than the full transposed convolution at its start");
            }
            if (dims == 3) return one(Ops.convTransposeNd(x, w, b, g.strides(), g.dilations(), before, after, op, groups));
            if (dims == 1) {
                x = Ops.unsqueeze(x, 2);
                w = Ops.unsqueeze(w, 2);
            }
            int[] s = g.two(g.strides(), 1), d = g.two(g.dilations(), 1);
            int[] pads = dims == 2 ? new int[] {before[0], after[0], before[1], after[1]} : new int[] {0, 0, before[0], after[0]};
            Tensor y = Ops.convTranspose2d(x, w, b, s[0], s[1], d[0], d[1], pads, dims == 2 ? op : new int[] {0, op[0]}, groups);
            return one(dims == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    /**
     * MaxPool: 1-d and 2-d windows run on {@link Ops#maxPool2d} (dilation and ceil mode included); 3-d
     * windows and the Indices output (flat positions in x, row-major, or column-major within a plane with
     * storage_order 1) run on {@link MaxPoolNdOp}.
     */
    static OnnxKernel maxPool(OnnxNode n) {
        int[] kernel = n.ints("kernel_shape", null);
        if (kernel == null) throw n.invalid("MaxPool needs kernel_shape");
        if (kernel.length < 1 || kernel.length > 3) throw n.unsupported(kernel.length + "-d pooling is not supported");
        boolean ceil = n.i("ceil_mode", 0) != 0, indices = n.outputCount() > 1;
        OnnxWindow g = OnnxWindow.of(n, kernel);
        boolean columnMajor = n.i("storage_order", 0) == 1;
        if (columnMajor && indices && kernel.length != 2) throw n.unsupported("storage_order = 1 is supported for 2-d pooling only");
        int[] k = g.two(kernel, 1), s = g.two(g.strides(), 1), d = g.two(g.dilations(), 1);
        return (t, in) -> {
            Tensor x = in[0];
            g.check(n, x);
            if (g.dims() == 3 || indices) {
                int[][] p = ceilPads(g, x, ceil);
                MaxPoolNdOp.Result r = MaxPoolNdOp.pool(x, kernel, g.strides(), g.dilations(), p[0], p[1]);
                return new Tensor[] {r.values(), indices ? positions(r.argmax(), x, r.values().shape(), columnMajor) : null};
            }
            if (g.dims() == 1) x = Ops.unsqueeze(x, 2);
            Tensor y = Ops.maxPool2d(x, k[0], k[1], s[0], s[1], d[0], d[1], g.padding(x.dim(2), x.dim(3)), ceil);
            return one(g.dims() == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    /** The window's padding {before, after} for x, with ceil mode's extra padding added after. */
    static int[][] ceilPads(OnnxWindow g, Tensor x, boolean ceil) {
        int[][] p = g.pads(Arrays.copyOfRange(x.shape(), 2, x.rank()));
        for (int a = 0; ceil && a < g.dims(); a++) {
            p[1][a] += PoolWindow.ceilExtra(x.dim(a + 2), p[0][a], p[1][a], g.kernel()[a], g.strides()[a], g.dilations()[a]);
        }
        return p;
    }

    private static int[] kernel(OnnxNode n) {
        Tensor w0 = n.constant(1);
        int[] kernel = n.ints("kernel_shape", w0 == null ? null : Arrays.copyOfRange(w0.shape(), 2, w0.rank()));
        if (kernel == null) throw n.unsupported(n.opType() + " weights computed at run time need a kernel_shape attribute");
        if (kernel.length < 1 || kernel.length > 3) throw n.unsupported(kernel.length + "-d convolution is not supported");
        return kernel;
    }

    private static int[] equal(int size, int groups, OnnxNode n) {
        if (size % groups != 0) throw n.invalid(size + " channels do not split into " + groups + " groups");
        int[] sizes = new int[groups];
        Arrays.fill(sizes, size / groups);
        return sizes;
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
