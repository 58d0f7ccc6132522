package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

import static dev.beak.onnx.OnnxNode.one;

/**
 * Converters for AveragePool, LpPool and the global pools. Undilated 1-d and 2-d windows run on
 * {@link Ops#avgPool2d} and {@link Ops#lpPool2d} (1-d with a height of 1); 3-d and dilated windows on
 * the N-d ops. Ceil mode and count_include_pad follow ONNX: ceil mode drops a last window that would
 * start in the end padding, and its extra padding never counts towards an average.
 */
final class PoolConverters {
    private PoolConverters() {}

    static OnnxKernel averagePool(OnnxNode n) {
        OnnxWindow g = window(n);
        boolean ceil = n.i("ceil_mode", 0) != 0, includePad = n.i("count_include_pad", 0) != 0;
        int[] k = g.two(g.kernel(), 1), s = g.two(g.strides(), 1);
        return (t, in) -> {
            Tensor x = in[0];
            if (g.dims() == 3 || g.dilated()) {
                int[][] p = g.pads(spatial(x));
                return one(Ops.avgPoolNd(x, g.kernel(), g.strides(), g.dilations(), p[0], p[1], ceil, includePad));
            }
            if (g.dims() == 1) x = Ops.unsqueeze(x, 2);
            Tensor y = Ops.avgPool2d(x, k[0], k[1], s[0], s[1], g.padding(x.dim(2), x.dim(3)), ceil, includePad);
            return one(g.dims() == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    static OnnxKernel lpPool(OnnxNode n) {
        OnnxWindow g = window(n);
        float p = p(n);
        boolean ceil = n.i("ceil_mode", 0) != 0;
        int[] k = g.two(g.kernel(), 1), s = g.two(g.strides(), 1);
        return (t, in) -> {
            Tensor x = in[0];
            if (g.dims() == 3 || g.dilated()) {
                int[][] pads = g.pads(spatial(x));
                return one(Ops.lpPoolNd(x, p, g.kernel(), g.strides(), g.dilations(), pads[0], pads[1], ceil));
            }
            if (g.dims() == 1) x = Ops.unsqueeze(x, 2);
            Tensor y = Ops.lpPool2d(x, p, k[0], k[1], s[0], s[1], g.padding(x.dim(2), x.dim(3)), ceil);
            return one(g.dims() == 1 ? Ops.squeeze(y, 2) : y);
        };
    }

    /** GlobalAveragePool: (N, C, *) to (N, C, 1, ..., 1). */
    static OnnxKernel globalAveragePool(OnnxNode n) {
        return (t, in) -> one(keepDims(Ops.globalAvgPool(in[0]), in[0]));
    }

    /** GlobalMaxPool: (N, C, *) to (N, C, 1, ..., 1). */
    static OnnxKernel globalMaxPool(OnnxNode n) {
        return (t, in) -> one(keepDims(Ops.globalMaxPool(in[0]), in[0]));
    }

    /** GlobalLpPool: one p-norm window over all spatial positions, (N, C, *) to (N, C, 1, ..., 1). */
    static OnnxKernel globalLpPool(OnnxNode n) {
        float p = p(n);
        return (t, in) -> {
            Tensor x = in[0];
            int[] kernel = spatial(x), ones = new int[kernel.length], zeros = new int[kernel.length];
            Arrays.fill(ones, 1);
            return one(Ops.lpPoolNd(x, p, kernel, ones, ones, zeros, zeros, false));
        };
    }

    private static OnnxWindow window(OnnxNode n) {
        int[] kernel = n.ints("kernel_shape", null);
        if (kernel == null) throw n.invalid(n.opType() + " needs kernel_shape");
        if (kernel.length < 1 || kernel.length > 3) throw n.unsupported(kernel.length + "-d pooling is not supported");
        return OnnxWindow.of(n, kernel);
    }

    /** LpPool's p: a float attribute at opset 1, an integer from opset 2; 2 by default. */
    private static float p(OnnxNode n) {
        AttributeProto a = n.attribute("p");
        if (a == null) return 2f;
        return a.getType() == AttributeProto.AttributeType.FLOAT ? a.getF() : a.getI();
    }

    private static int[] spatial(Tensor x) {
        return Arrays.copyOfRange(x.shape(), 2, x.rank());
    }

    private static Tensor keepDims(Tensor y, Tensor x) {
        int[] shape = new int[x.rank()];
        Arrays.fill(shape, 1);
        shape[0] = x.dim(0);
        shape[1] = x.dim(1);
        return Ops.reshape(y, shape);
    }
}
