package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * The shared engine of the data-movement ops (transpose, slice, gather, pad, depth-to-space, ...):
 * every output value is one input value, or a fill constant. The op is a map {@code src} from output
 * positions to input positions ({@code -1} = the fill value).
 *
 * <p>Shapes: x any; y {@code outShape}, {@code src.length == size(outShape)}. Forward:
 * {@code y[i] = src[i] < 0 ? fill : x[src[i]]}. Backward: {@code dx[src[i]] += dy[i]} (a scatter-add,
 * so an input read twice, as by gather or edge padding, gets both gradients).
 */
final class IndexCopyOp {
    private IndexCopyOp() {}

    static Tensor apply(String op, Tensor x, int[] outShape, int[] src, float fill) {
        if (src.length != Shape.size(outShape)) {
            throw new IllegalStateException(op + ": index map has " + src.length + " entries for shape " + Shape.toString(outShape));
        }
        float[] in = x.data(), y = new float[src.length];
        for (int i = 0; i < y.length; i++) y[i] = src[i] < 0 ? fill : in[src[i]];
        return Autograd.record(Tensor.of(y, outShape), op, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) if (src[i] >= 0) dx[src[i]] += dy[i];
        }, x);
    }

    /** Row-major strides of a shape. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /**
     * Walks every position of {@code outShape} in row-major order and gives each axis coordinate to
     * {@code map}, which returns the source index: an odometer over the coordinates.
     */
    static int[] build(int[] outShape, Mapper map) {
        int n = Shape.size(outShape), r = outShape.length;
        int[] src = new int[n], coord = new int[r];
        for (int i = 0; i < n; i++) {
            src[i] = map.source(coord);
            for (int a = r - 1; a >= 0; a--) {
                if (++coord[a] < outShape[a]) break;
                coord[a] = 0;
            }
        }
        return src;
    }

    /** Normalises a possibly negative axis of a tensor of the given rank. */
    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for rank " + rank);
        return a;
    }

    @FunctionalInterface
    interface Mapper {
        /** The input flat index for output coordinates {@code coord}, or -1 for the fill value. */
        int source(int[] coord);
    }
}
