package dev.beak.ops;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Removes or inserts axes of size 1 (ONNX Squeeze and Unsqueeze); both are reshapes, so free.
 *
 * <p>Shapes: squeeze removes the listed axes (each must be 1), or every axis of size 1 when none is
 * listed: (1, 3, 1, 5) to (3, 5). Unsqueeze inserts size-1 axes at the listed positions of the
 * output: (3, 4) with axes (0, 3) gives (1, 3, 4, 1).
 */
public final class SqueezeOp {
    private SqueezeOp() {}

    public static Tensor squeeze(Tensor x, int... axes) {
        int r = x.rank();
        int[] in = x.shape();
        boolean[] drop = new boolean[r];
        if (axes.length == 0) {
            for (int i = 0; i < r; i++) drop[i] = in[i] == 1;
        }
        for (int a : axes) {
            int i = IndexCopyOp.axis("squeeze", a, r);
            if (in[i] != 1) throw new IllegalArgumentException("squeeze: axis " + a + " of " + Shape.toString(in) + " is not 1");
            drop[i] = true;
        }
        int[] out = new int[r];
        int n = 0;
        for (int i = 0; i < r; i++) if (!drop[i]) out[n++] = in[i];
        return ReshapeOp.apply(x, Arrays.copyOf(out, n));
    }

    public static Tensor unsqueeze(Tensor x, int... axes) {
        int r = x.rank() + axes.length;
        boolean[] added = new boolean[r];
        for (int a : axes) {
            int i = IndexCopyOp.axis("unsqueeze", a, r);
            if (added[i]) throw new IllegalArgumentException("unsqueeze: axis " + a + " is given twice in " + Arrays.toString(axes));
            added[i] = true;
        }
        int[] in = x.shape(), out = new int[r];
        for (int i = 0, j = 0; i < r; i++) out[i] = added[i] ? 1 : in[j++];
        return ReshapeOp.apply(x, out);
    }
}
