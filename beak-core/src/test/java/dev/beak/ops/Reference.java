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
}
