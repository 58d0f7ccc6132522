package dev.beak.kernel;

import dev.beak.ops.Window2d;

/** Direct convolution and its gradients in double precision: the oracle for the fast convolution kernels. */
final class DirectConv {
    private DirectConv() {}

    /** Input index of (n, c, oy + i, ox + j) or -1 in the padding. */
    private static int at(Window2d g, int n, int c, int oy, int ox, int i, int j) {
        int iy = oy * g.strideH() - g.padTop() + i * g.dilationH(), ix = ox * g.strideW() - g.padLeft() + j * g.dilationW();
        if (iy < 0 || iy >= g.h() || ix < 0 || ix >= g.w()) return -1;
        return ((n * g.c() + c) * g.h() + iy) * g.w() + ix;
    }

    static double[] forward(float[] x, float[] w, float[] b, Window2d g, int f) {
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
                                    int a = at(g, n, c, oy, ox, i, j);
                                    if (a >= 0) s += (double) x[a] * w[((o * g.c() + c) * g.kH() + i) * g.kW() + j];
                                }
                        y[((n * f + o) * oH + oy) * oW + ox] = s;
                    }
        return y;
    }

    /** {dw, db, dx} for output gradient dy. */
    static double[][] backward(float[] x, float[] w, float[] dy, Window2d g, int f) {
        int oH = g.oH(), oW = g.oW();
        double[] dw = new double[w.length], db = new double[f], dx = new double[x.length];
        for (int n = 0; n < g.n(); n++)
            for (int o = 0; o < f; o++)
                for (int oy = 0; oy < oH; oy++)
                    for (int ox = 0; ox < oW; ox++) {
                        double d = dy[((n * f + o) * oH + oy) * oW + ox];
                        db[o] += d;
                        for (int c = 0; c < g.c(); c++)
                            for (int i = 0; i < g.kH(); i++)
                                for (int j = 0; j < g.kW(); j++) {
                                    int a = at(g, n, c, oy, ox, i, j), wi = ((o * g.c() + c) * g.kH() + i) * g.kW() + j;
                                    if (a < 0) continue;
                                    dw[wi] += d * x[a];
                                    dx[a] += d * w[wi];
                                }
                    }
        return new double[][] {dw, db, dx};
    }
}
