package dev.beak.ops;

/**
 * Obviously-correct double-precision forwards of the ops, written directly from their definitions.
 * They are the oracle for the fast kernels and for finite-difference gradient checks.
 */
final class Reference {
    private Reference() {}

    /** x (N,C,H,W), w (F,C,kH,kW), b (F) or null. */
    static double[] conv2d(double[] x, double[] w, double[] b, Window2d g, int f) {
        int oH = g.oH(), oW = g.oW();
        double[] y = new double[g.n() * f * oH * oW];
        for (int n = 0; n < g.n(); n++)
            for (int o = 0; o < f; o++)
                for (int oy = 0; oy < oH; oy++)
                    for (int ox = 0; ox < oW; ox++) {
                        double s = b == null ? 0 : b[o];
                        for (int c = 0; c < g.c(); c++)
                            for (int i = 0; i < g.kH(); i++)
                                for (int j = 0; j < g.kW(); j++) {
                                    int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                                    int ix = ox * g.strideW() - g.padLeft() + j * g.dilationW();
                                    if (iy < 0 || iy >= g.h() || ix < 0 || ix >= g.w()) continue;
                                    s += x[((n * g.c() + c) * g.h() + iy) * g.w() + ix]
                                            * w[((o * g.c() + c) * g.kH() + i) * g.kW() + j];
                                }
                        y[((n * f + o) * oH + oy) * oW + ox] = s;
                    }
        return y;
    }

    static double[] maxPool2d(double[] x, Window2d g) {
        int oH = g.oH(), oW = g.oW();
        double[] y = new double[g.n() * g.c() * oH * oW];
        for (int p = 0; p < g.n() * g.c(); p++)
            for (int oy = 0; oy < oH; oy++)
                for (int ox = 0; ox < oW; ox++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < g.kH(); i++)
                        for (int j = 0; j < g.kW(); j++) {
                            int iy = oy * g.strideH() - g.padTop() + i, ix = ox * g.strideW() - g.padLeft() + j;
                            if (iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w()) m = Math.max(m, x[(p * g.h() + iy) * g.w() + ix]);
                        }
                    y[(p * oH + oy) * oW + ox] = m;
                }
        return y;
    }

    /** x (N,In), w (In,Out), b (Out) or null. */
    static double[] dense(double[] x, double[] w, double[] b, int n, int in, int out) {
        double[] y = new double[n * out];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < out; o++) {
                double s = b == null ? 0 : b[o];
                for (int k = 0; k < in; k++) s += x[i * in + k] * w[k * out + o];
                y[i * out + o] = s;
            }
        return y;
    }

    static double[] relu(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.max(x[i], 0);
        return y;
    }

    static double[] softmax(double[] x, int k) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / k; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int j = 0; j < k; j++) max = Math.max(max, x[r * k + j]);
            for (int j = 0; j < k; j++) sum += Math.exp(x[r * k + j] - max);
            for (int j = 0; j < k; j++) y[r * k + j] = Math.exp(x[r * k + j] - max) / sum;
        }
        return y;
    }

    /** Mean over rows of -sum_k t log softmax(z); t dense (N, K). */
    static double[] softmaxCrossEntropy(double[] z, double[] t, int k) {
        double[] p = softmax(z, k);
        double loss = 0;
        int n = z.length / k;
        for (int i = 0; i < z.length; i++) if (t[i] != 0) loss -= t[i] * Math.log(p[i]);
        return new double[] {loss / n};
    }

    // ---- layer catalogue ---------------------------------------------------------------------------

    /** Grouped convolution: x (N,C,H,W), w (F,C/G,kH,kW); g is the window of one group (c = C/G). */
    static double[] groupedConv2d(double[] x, double[] w, double[] b, Window2d g, int f, int groups) {
        int oH = g.oH(), oW = g.oW(), cg = g.c(), c = cg * groups, fg = f / groups;
        double[] y = new double[g.n() * f * oH * oW];
        for (int n = 0; n < g.n(); n++)
            for (int o = 0; o < f; o++)
                for (int oy = 0; oy < oH; oy++)
                    for (int ox = 0; ox < oW; ox++) {
                        double s = b == null ? 0 : b[o];
                        for (int ci = 0; ci < cg; ci++)
                            for (int i = 0; i < g.kH(); i++)
                                for (int j = 0; j < g.kW(); j++) {
                                    int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                                    int ix = ox * g.strideW() - g.padLeft() + j * g.dilationW();
                                    if (iy < 0 || iy >= g.h() || ix < 0 || ix >= g.w()) continue;
                                    int ch = o / fg * cg + ci;
                                    s += x[((n * c + ch) * g.h() + iy) * g.w() + ix] * w[((o * cg + ci) * g.kH() + i) * g.kW() + j];
                                }
                        y[((n * f + o) * oH + oy) * oW + ox] = s;
                    }
        return y;
    }

    /** Transposed convolution, scattering each input value: x (N,C,H,W), w (C,F/G,kH,kW), pads {t,b,l,r}. */
    static double[] convTranspose2d(double[] x, double[] w, double[] b, int[] xs, int[] ws, int groups,
                                    int sH, int sW, int dH, int dW, int[] pads, int oH, int oW) {
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], fg = ws[1], f = fg * groups, cg = c / groups, kH = ws[2], kW = ws[3];
        double[] y = new double[n * f * oH * oW];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < f; o++)
                for (int p = 0; p < oH * oW; p++) y[(i * f + o) * oH * oW + p] = b == null ? 0 : b[o];
        for (int i = 0; i < n; i++)
            for (int ch = 0; ch < c; ch++)
                for (int iy = 0; iy < h; iy++)
                    for (int ix = 0; ix < wd; ix++)
                        for (int fo = 0; fo < fg; fo++)
                            for (int ky = 0; ky < kH; ky++)
                                for (int kx = 0; kx < kW; kx++) {
                                    int oy = iy * sH - pads[0] + ky * dH, ox = ix * sW - pads[2] + kx * dW;
                                    if (oy < 0 || oy >= oH || ox < 0 || ox >= oW) continue;
                                    int o = ch / cg * fg + fo;
                                    y[((i * f + o) * oH + oy) * oW + ox] += x[((i * c + ch) * h + iy) * wd + ix]
                                            * w[((ch * fg + fo) * kH + ky) * kW + kx];
                                }
        return y;
    }

    /** Max over a dilated window; g may carry ceil mode's extra padding. */
    static double[] maxPool2dDilated(double[] x, Window2d g) {
        return pool(x, g, vals -> {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : vals) m = Math.max(m, v);
            return m;
        });
    }

    /** (sum |x|^p)^(1/p) over each window. */
    static double[] lpPool2d(double[] x, Window2d g, double p) {
        return pool(x, g, vals -> {
            double s = 0;
            for (double v : vals) s += Math.pow(Math.abs(v), p);
            return Math.pow(s, 1 / p);
        });
    }

    /** Average pooling: g with ceil mode's extra padding, {@code plain} without (what count-include-pad counts). */
    static double[] avgPool2d(double[] x, Window2d g, Window2d plain, boolean countIncludePad) {
        int oH = g.oH(), oW = g.oW();
        double[] y = new double[g.n() * g.c() * oH * oW];
        for (int p = 0; p < g.n() * g.c(); p++)
            for (int oy = 0; oy < oH; oy++)
                for (int ox = 0; ox < oW; ox++) {
                    double s = 0;
                    int inside = 0, counted = 0;
                    for (int i = 0; i < g.kH(); i++)
                        for (int j = 0; j < g.kW(); j++) {
                            int iy = oy * g.strideH() - g.padTop() + i, ix = ox * g.strideW() - g.padLeft() + j;
                            if (iy < g.h() + plain.padBottom() && ix < g.w() + plain.padRight()) counted++;
                            if (iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w()) {
                                s += x[(p * g.h() + iy) * g.w() + ix];
                                inside++;
                            }
                        }
                    y[(p * oH + oy) * oW + ox] = s / (countIncludePad ? counted : inside);
                }
        return y;
    }

    private static double[] pool(double[] x, Window2d g, java.util.function.ToDoubleFunction<double[]> reduce) {
        int oH = g.oH(), oW = g.oW();
        double[] y = new double[g.n() * g.c() * oH * oW];
        for (int p = 0; p < g.n() * g.c(); p++)
            for (int oy = 0; oy < oH; oy++)
                for (int ox = 0; ox < oW; ox++) {
                    java.util.List<Double> vals = new java.util.ArrayList<>();
                    for (int i = 0; i < g.kH(); i++)
                        for (int j = 0; j < g.kW(); j++) {
                            int iy = oy * g.strideH() - g.padTop() + i * g.dilationH(), ix = ox * g.strideW() - g.padLeft() + j * g.dilationW();
                            if (iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w()) vals.add(x[(p * g.h() + iy) * g.w() + ix]);
                        }
                    y[(p * oH + oy) * oW + ox] = reduce.applyAsDouble(vals.stream().mapToDouble(Double::doubleValue).toArray());
                }
        return y;
    }

    /** Global max (or average) over the s spatial values of each of the planes. */
    static double[] globalPool(double[] x, int planes, boolean max) {
        int s = x.length / planes;
        double[] y = new double[planes];
        for (int p = 0; p < planes; p++) {
            double m = Double.NEGATIVE_INFINITY, sum = 0;
            for (int i = 0; i < s; i++) {
                m = Math.max(m, x[p * s + i]);
                sum += x[p * s + i];
            }
            y[p] = max ? m : sum / s;
        }
        return y;
    }

    /** Batch norm over (N, C, S) with the given per-channel mean and variance (batch or running). */
    static double[] batchNorm(double[] x, double[] gamma, double[] beta, double[] mean, double[] var, int n, int c, double eps) {
        int s = x.length / (n * c);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int ch = i / s % c;
            y[i] = gamma[ch] * (x[i] - mean[ch]) / Math.sqrt(var[ch] + eps) + beta[ch];
        }
        return y;
    }

    /** Per-channel batch mean and biased variance of x (N, C, S): {mean, var}. */
    static double[][] channelMoments(double[] x, int n, int c) {
        int s = x.length / (n * c);
        double[] mean = new double[c], var = new double[c];
        for (int i = 0; i < x.length; i++) mean[i / s % c] += x[i] / (n * s);
        for (int i = 0; i < x.length; i++) var[i / s % c] += Math.pow(x[i] - mean[i / s % c], 2) / (n * s);
        return new double[][] {mean, var};
    }

    /** Group norm of x (N, C, S) with per-channel gamma and beta. */
    static double[] groupNorm(double[] x, double[] gamma, double[] beta, int n, int c, int groups, double eps) {
        int s = x.length / (n * c), m = c / groups * s;
        double[] y = new double[x.length];
        for (int r = 0; r < n * groups; r++) {
            double mean = 0, var = 0;
            for (int i = 0; i < m; i++) mean += x[r * m + i] / m;
            for (int i = 0; i < m; i++) var += Math.pow(x[r * m + i] - mean, 2) / m;
            for (int i = 0; i < m; i++) {
                int ch = (r * m + i) / s % c;
                y[r * m + i] = gamma[ch] * (x[r * m + i] - mean) / Math.sqrt(var + eps) + beta[ch];
            }
        }
        return y;
    }

    /** Layer norm over rows of {@code size} values with elementwise gamma and beta. */
    static double[] layerNorm(double[] x, double[] gamma, double[] beta, int size, double eps) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / size; r++) {
            double mean = 0, var = 0;
            for (int i = 0; i < size; i++) mean += x[r * size + i] / size;
            for (int i = 0; i < size; i++) var += Math.pow(x[r * size + i] - mean, 2) / size;
            for (int i = 0; i < size; i++) y[r * size + i] = gamma[i] * (x[r * size + i] - mean) / Math.sqrt(var + eps) + beta[i];
        }
        return y;
    }

    /** ONNX LRN over x (N, C, S). */
    static double[] localResponseNorm(double[] x, int n, int c, int size, double alpha, double beta, double k) {
        int s = x.length / (n * c), lo = (size - 1) / 2, hi = size - 1 - lo;
        double[] y = new double[x.length];
        for (int i = 0; i < n; i++)
            for (int ch = 0; ch < c; ch++)
                for (int p = 0; p < s; p++) {
                    double sq = 0;
                    for (int cc = ch - lo; cc <= ch + hi; cc++) if (cc >= 0 && cc < c) sq += Math.pow(x[(i * c + cc) * s + p], 2);
                    y[(i * c + ch) * s + p] = x[(i * c + ch) * s + p] / Math.pow(k + alpha / size * sq, beta);
                }
        return y;
    }

    static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f.applyAsDouble(x[i]);
        return y;
    }

    static double[] logSoftmax(double[] x, int k) {
        double[] y = softmax(x, k);
        for (int i = 0; i < y.length; i++) y[i] = Math.log(y[i]);
        return y;
    }

    /** PReLU of x (N, C, S) with slope (C) or (1). */
    static double[] prelu(double[] x, double[] slope, int n, int c) {
        int s = x.length / (n * c);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : slope[slope.length == 1 ? 0 : i / s % c] * x[i];
        return y;
    }

    /** Maxout of x (N, C, S) over groups of k consecutive channels. */
    static double[] maxout(double[] x, int n, int c, int k) {
        int s = x.length / (n * c);
        double[] y = new double[x.length / k];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < c / k; j++)
                for (int p = 0; p < s; p++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t < k; t++) m = Math.max(m, x[(i * c + j * k + t) * s + p]);
                    y[(i * c / k + j) * s + p] = m;
                }
        return y;
    }
}
