package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Kernels;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Matrix product with numpy's rules (ONNX MatMul): batched over leading axes, which broadcast.
 *
 * <p>Shapes: a (..., M, K), b (..., K, N), y (broadcast(...), M, N). A 1-d a is (1, K) and a 1-d b is
 * (K, 1), and the added axis is dropped from the result. Each batch entry is one GEMM; backward:
 * {@code da += dy * bᵀ}, {@code db += aᵀ * dy}, summed over the batches an input was broadcast to.
 */
public final class MatMulOp {
    private MatMulOp() {}

    public static Tensor apply(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) throw new IllegalArgumentException("matmul: scalars are not matrices");
        int[] as = a.rank() == 1 ? new int[] {1, a.dim(0)} : a.shape();
        int[] bs = b.rank() == 1 ? new int[] {b.dim(0), 1} : b.shape();
        int m = as[as.length - 2], k = as[as.length - 1], k2 = bs[bs.length - 2], n = bs[bs.length - 1];
        if (k != k2) {
            throw new IllegalArgumentException("matmul: " + Shape.toString(a.shape()) + " times " + Shape.toString(b.shape())
                    + ": inner sizes " + k + " and " + k2 + " differ");
        }
        int[] batchA = Arrays.copyOf(as, as.length - 2), batchB = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = BroadcastOp.shape("matmul", batchA, batchB);
        int[] ia = BroadcastOp.sourceIndex(batchA, batch), ib = BroadcastOp.sourceIndex(batchB, batch);
        int count = ia.length, mk = m * k, kn = k * n, mn = m * n;
        Gemm gemm = Kernels.gemm();
        float[] x = a.data(), w = b.data(), y = new float[count * mn];
        for (int i = 0; i < count; i++) {
            gemm.gemm(false, false, m, n, k, x, ia[i] * mk, k, w, ib[i] * kn, n, y, i * mn, n, false);
        }
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = m;
        out[batch.length + 1] = n;
        int[] shape = dropAdded(out, a.rank() == 1, b.rank() == 1);
        return Autograd.record(Tensor.of(y, shape), "MatMul", dy -> {
            for (int i = 0; i < count; i++) {
                if (a.requiresGrad()) gemm.gemm(false, true, m, k, n, dy, i * mn, n, w, ib[i] * kn, n, a.gradBuffer(), ia[i] * mk, k, true);
                if (b.requiresGrad()) gemm.gemm(true, false, k, n, m, x, ia[i] * mk, k, dy, i * mn, n, b.gradBuffer(), ib[i] * kn, n, true);
            }
        }, a, b);
    }

    private static int[] dropAdded(int[] out, boolean aVector, boolean bVector) {
        int r = out.length;
        if (aVector && bVector) return Arrays.copyOf(out, r - 2);
        if (aVector) {
            int[] s = Arrays.copyOf(out, r - 1);
            s[r - 2] = out[r - 1];
            return s;
        }
        return bVector ? Arrays.copyOf(out, r - 1) : out;
    }
}
