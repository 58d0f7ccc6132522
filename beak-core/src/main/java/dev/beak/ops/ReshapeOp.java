package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * A new shape of the same size; free (the data is shared). One dimension may be -1 (inferred).
 * The gradient is the output gradient reshaped back.
 */
public final class ReshapeOp {
    private ReshapeOp() {}

    public static Tensor apply(Tensor x, int... shape) {
        int[] s = resolve(x, shape);
        Tensor out = x.view(s);
        return Autograd.record(out, "Reshape", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += dy[i];
        }, x);
    }

    private static int[] resolve(Tensor x, int[] shape) {
        int[] s = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: only one dimension may be -1 in " + Shape.toString(shape));
                infer = i;
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0 && known > 0 && x.size() % known == 0) s[infer] = (int) (x.size() / known);
        if (Shape.size(s) != x.size()) {
            throw new IllegalArgumentException("reshape: cannot view " + Shape.toString(x.shape()) + " (" + x.size()
                    + " values) as " + Shape.toString(shape));
        }
        return s;
    }
}
