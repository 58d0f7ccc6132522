package dev.beak.data.audio;

/**
 * The discrete Fourier transform of a power-of-two length by the iterative radix-2 Cooley-Tukey
 * algorithm (Cooley and Tukey, 1965): O(n log n) against {@link Dft}'s O(n²), same values within
 * rounding. The twiddle factors and the bit-reversal permutation are computed once per length, so
 * one instance transforms many frames of a spectrogram.
 */
public final class Fft {
    private final int n;
    private final int[] reversed;
    private final double[] cos, sin;

    public Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reversed = new int[n];
        for (int i = 0; i < n; i++) reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = -Math.sin(2 * Math.PI * k / n);
        }
    }

    public int length() {
        return n;
    }

    /** Transforms {@code re + i im} in place: X[k] = sum_t x[t] e^(-2 pi i k t / n). */
    public void transform(double[] re, double[] im) {
        if (re.length != n || im.length != n) throw new IllegalArgumentException("FFT of length " + n + " got arrays of " + re.length + " and " + im.length);
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        // Butterflies of growing span; the twiddle of step k in a span of `size` is w_n^(k * n / size).
        for (int size = 2; size <= n; size <<= 1) {
            int half = size / 2, stride = n / size;
            for (int start = 0; start < n; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride], wi = sin[k * stride];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** |X[k]|² for k = 0..n/2 of a real signal (the rest mirror them). */
    public void powerSpectrum(double[] signal, double[] scratch, double[] power) {
        java.util.Arrays.fill(scratch, 0);
        transform(signal, scratch);
        for (int k = 0; k <= n / 2; k++) power[k] = signal[k] * signal[k] + scratch[k] * scratch[k];
    }
}
