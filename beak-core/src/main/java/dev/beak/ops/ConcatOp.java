package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Joins tensors along one axis; every other dimension must agree. Channel concatenation of NCHW
 * feature maps (Inception) is axis 1.
 *
 * <p>Shapes: inputs (d0, ..., a_i, ..., dr) for i = 1..m; output (d0, ..., sum a_i, ..., dr).
 * Viewing each tensor as (outer, a_i * inner), the output row {@code o} is the inputs' rows {@code o}
 * side by side. Backward: each input gets back its slice of every output row.
 */
public final class ConcatOp {
    private ConcatOp() {}

    public static Tensor apply(int axis, Tensor... inputs) {
        if (inputs.length == 0) throw new IllegalArgumentException("concat needs at least one tensor");
        int rank = inputs[0].rank();
        int ax = axis < 0 ? axis + rank : axis;
        if (ax < 0 || ax >= rank) throw new IllegalArgumentException("concat axis " + axis + " is outside a rank-" + rank + " tensor");
        int[] shape = inputs[0].shape();
        int total = 0;
        for (Tensor t : inputs) {
            int[] s = t.shape();
            boolean ok = s.length == rank;
            for (int d = 0; ok && d < rank; d++) ok = d == ax || s[d] == shape[d];
            if (!ok) {
                throw new IllegalArgumentException("concat on axis " + ax + ": shapes " + Shape.toString(inputs[0].shape()) + " and "
                        + Shape.toString(s) + " differ outside that axis");
            }
            total += s[ax];
        }
        shape[ax] = total;
        int outer = Shape.size(Arrays.copyOfRange(shape, 0, ax));
        int inner = Shape.size(Arrays.copyOfRange(shape, ax + 1, rank));
        int rowOut = total * inner;
        // offsets[i]: where input i's slice starts within an output row; widths[i]: its length.
        int[] offsets = new int[inputs.length], widths = new int[inputs.length];
        for (int i = 0, off = 0; i < inputs.length; off += widths[i], i++) {
            offsets[i] = off;
            widths[i] = inputs[i].dim(ax) * inner;
        }
        float[] y = new float[outer * rowOut];
        for (int i = 0; i < inputs.length; i++) {
            float[] x = inputs[i].data();
            for (int o = 0; o < outer; o++) System.arraycopy(x, o * widths[i], y, o * rowOut + offsets[i], widths[i]);
        }
        return Autograd.record(Tensor.of(y, shape), "Concat", dy -> {
            for (int i = 0; i < inputs.length; i++) {
                if (!inputs[i].requiresGrad()) continue;
                float[] dx = inputs[i].gradBuffer();
                int w = widths[i];
                for (int o = 0; o < outer; o++) {
                    int src = o * rowOut + offsets[i], dst = o * w;
                    for (int j = 0; j < w; j++) dx[dst + j] += dy[src + j];
                }
            }
        }, inputs);
    }
}
