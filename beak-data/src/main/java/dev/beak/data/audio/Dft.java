package dev.beak.data.audio;

/**
 * The discrete Fourier transform by its definition, in double precision: the obviously correct
 * reference for {@link Fft} (and for spectrograms in tests), any length, O(n²).
 */
public final class Dft {
    private Dft() {}

    /** X[k] = sum_t x[t] e^(-2 pi i k t / n), returned as {re, im}. */
    public static double[][] transform(double[] re, double[] im) {
        int n = re.length;
        double[] outRe = new double[n], outIm = new double[n];
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++) {
                // The angle is reduced mod n first so that it stays exact for long signals.
                double a = -2 * Math.PI * ((long) k * t % n) / n, c = Math.cos(a), s = Math.sin(a);
                sr += re[t] * c - im[t] * s;
                si += re[t] * s + im[t] * c;
            }
            outRe[k] = sr;
            outIm[k] = si;
        }
        return new double[][] {outRe, outIm};
    }
}
