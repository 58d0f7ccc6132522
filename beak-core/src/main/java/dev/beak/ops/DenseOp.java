package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Kernels;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * Fully connected layer: {@code y = x * w + b}.
 *
 * <p>Shapes: x (N, In); w (In, Out); b (Out) or null; y (N, Out). Backward: {@code dx += dy * wᵀ},
 * {@code dw += xᵀ * dy}, {@code db += column sums of dy}.
 */
public final class DenseOp {
    private DenseOp() {}

    public static Tensor apply(Tensor x, Tensor w, Tensor b) {
        if (x.rank() != 2 || w.rank() != 2 || x.dim(1) != w.dim(0)) {
            throw new IllegalArgumentException("dense: input " + Shape.toString(x.shape()) + " does not match weights "
                    + Shape.toString(w.shape()) + " (expected input (N, " + (w.rank() == 2 ? w.dim(0) : "?") + "))");
        }
        int n = x.dim(0), in = w.dim(0), out = w.dim(1);
        if (b != null && (b.rank() != 1 || b.dim(0) != out)) {
            throw new IllegalArgumentException("dense bias must be (" + out + "), got " + Shape.toString(b.shape()));
        }
        Gemm gemm = Kernels.gemm();
        float[] y = Workspace.floats(n * out);
        if (b != null) {
            for (int i = 0; i < n; i++) System.arraycopy(b.data(), 0, y, i * out, out);
        }
        gemm.gemm(false, false, n, out, in, x.data(), w.data(), y, b != null);
        return Autograd.record(Tensor.of(y, n, out), "Dense", dy -> {
            if (x.requiresGrad()) gemm.gemm(false, true, n, in, out, dy, w.data(), x.gradBuffer(), true);
            if (w.requiresGrad()) gemm.gemm(true, false, in, out, n, x.data(), dy, w.gradBuffer(), true);
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int i = 0; i < n; i++) for (int j = 0; j < out; j++) db[j] += dy[i * out + j];
            }
        }, x, w, b);
    }
}
