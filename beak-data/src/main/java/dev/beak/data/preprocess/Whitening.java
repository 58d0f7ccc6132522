package dev.beak.data.preprocess;

import dev.beak.dataset.Batch;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PCA or ZCA whitening of flattened samples (cs231n's recipe): {@code X -= mean; cov = XᵀX / n;
 * U, S = svd(cov); Xrot = X U; Xwhite = Xrot / sqrt(S + eps)}; ZCA rotates back, {@code Xwhite Uᵀ},
 * which keeps the result looking like an image. Both are one matrix: {@code y = (x - mean) W} with
 * {@code W = U diag(1/sqrt(S + eps))} (PCA) or {@code U diag(1/sqrt(S + eps)) Uᵀ} (ZCA). PCA
 * components come in order of decreasing variance. The SVD is EJML's.
 *
 * <p>Shapes: samples of D = C*H*W values; mean (D); matrix (D, D). Fitting costs O(n D²) and an SVD of
 * a D x D matrix: seconds for 32x32x3 images, impractical far beyond.
 */
public record Whitening(Kind kind, Tensor mean, Tensor matrix, double eps) implements Preprocessor {
    public enum Kind { PCA, ZCA }

    public Whitening {
        int d = mean.size();
        if (matrix.rank() != 2 || matrix.dim(0) != d || matrix.dim(1) != d) {
            throw new IllegalArgumentException("whitening matrix must be (" + d + ", " + d + "), got " + Shape.toString(matrix.shape()));
        }
    }

    /** Fits on every sample of {@code data}, in batches (the data need not fit in memory). */
    public static Whitening fit(Kind kind, Dataset data, double eps) {
        return fit(kind, Batches.inOrder(data, 256), eps);
    }

    /** Fits on the samples of one epoch of {@code data} (for example a loader that skips bad files). */
    public static Whitening fit(Kind kind, BatchSource data, double eps) {
        int d = Shape.size(data.sampleShape());
        long n = 0;
        double[] sum = new double[d];
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        for (Batch b : data.epoch(1)) {
            n += b.size();
            float[] x = b.x().data();
            int rows = b.size();
            DMatrixRMaj block = new DMatrixRMaj(rows, d);
            double[] bd = block.getData();
            for (int i = 0; i < x.length; i++) {
                bd[i] = x[i];
                sum[i % d] += x[i];
            }
            CommonOps_DDRM.multAddTransA(block, block, gram); // gram += Bᵀ B
        }
        if (n < 2) throw new IllegalArgumentException("whitening needs at least 2 samples, got " + n);
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) mu[j] = sum[j] / n;
        // cov = XᵀX / n - mu muᵀ  (the covariance of the centred data)
        DMatrixRMaj cov = gram;
        double[] c = cov.getData();
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) c[i * d + j] = c[i * d + j] / n - mu[i] * mu[j];

        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, false, false);
        if (!svd.decompose(cov)) throw new IllegalStateException("SVD of the " + d + "x" + d + " covariance did not converge");
        DMatrixRMaj u = svd.getU(null, false);
        double[] s = svd.getSingularValues().clone();
        SingularOps_DDRM.descendingOrder(u, false, s, s.length, null, false);

        float[] w = new float[d * d];
        double[] ud = u.getData();
        if (kind == Kind.PCA) {
            for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) w[i * d + k] = (float) (ud[i * d + k] / Math.sqrt(s[k] + eps));
        } else {
            double[] scaled = new double[d * d]; // U diag(1/sqrt(S + eps))
            for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) scaled[i * d + k] = ud[i * d + k] / Math.sqrt(s[k] + eps);
            DMatrixRMaj zca = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(d, d, scaled), u, zca);
            double[] z = zca.getData();
            for (int i = 0; i < w.length; i++) w[i] = (float) z[i];
        }
        float[] m = new float[d];
        for (int j = 0; j < d; j++) m[j] = (float) mu[j];
        return new Whitening(kind, Tensor.of(m, d), Tensor.of(w, d, d), eps);
    }

    @Override
    public String type() {
        return kind == Kind.PCA ? "pca_whitening" : "zca_whitening";
    }

    @Override
    public void transform(float[] x, int n) {
        int d = mean.size();
        if (x.length != n * d) throw new IllegalArgumentException("samples of " + x.length / Math.max(1, n) + " values, whitening expects " + d);
        float[] mu = mean.data(), w = matrix.data(), v = new float[d];
        double[] out = new double[d]; // double accumulation: W's entries can be large and cancel
        for (int s = 0; s < n; s++) {
            int o = s * d;
            for (int i = 0; i < d; i++) v[i] = x[o + i] - mu[i];
            java.util.Arrays.fill(out, 0);
            // out = v W, row i of W scaled by v[i]: the inner loop runs along a row (contiguous).
            for (int i = 0; i < d; i++) {
                float vi = v[i];
                int row = i * d;
                for (int j = 0; j < d; j++) out[j] += vi * w[row + j];
            }
            for (int j = 0; j < d; j++) x[o + j] = (float) out[j];
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("eps", eps);
        m.put("dim", mean.size());
        return m;
    }

    @Override
    public Map<String, Tensor> tensors() {
        return Map.of("mean", mean, "matrix", matrix);
    }
}
