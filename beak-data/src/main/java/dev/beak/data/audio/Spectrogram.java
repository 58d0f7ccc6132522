package dev.beak.data.audio;

import dev.beak.tensor.Tensor;

/**
 * The short-time Fourier transform's power: Hann-windowed frames of {@code frameLength} samples (a
 * power of two), {@code hop} samples apart, each transformed by {@link Fft}.
 *
 * <p>Shapes: samples (T); output (B, F) with B = frameLength/2 + 1 frequency bins (bin k is
 * k * rate / frameLength Hz) and F = 1 + floor((T - frameLength) / hop) frames (1 when T < frameLength:
 * the signal is zero-padded). Values are |X|² of the windowed frame.
 */
public record Spectrogram(int frameLength, int hop) {
    public Spectrogram {
        if (frameLength < 2 || Integer.bitCount(frameLength) != 1) throw new IllegalArgumentException("frame length must be a power of two >= 2, got " + frameLength);
        if (hop < 1) throw new IllegalArgumentException("hop must be >= 1, got " + hop);
    }

    public int bins() {
        return frameLength / 2 + 1;
    }

    public int frames(int samples) {
        return samples < frameLength ? 1 : 1 + (samples - frameLength) / hop;
    }

    /** The periodic Hann window, w[t] = sin²(pi t / n). */
    public double[] window() {
        double[] w = new double[frameLength];
        for (int t = 0; t < frameLength; t++) w[t] = Math.pow(Math.sin(Math.PI * t / frameLength), 2);
        return w;
    }

    /** The power spectrogram (B, F) of {@code samples}. */
    public Tensor power(float[] samples) {
        int frames = frames(samples.length), bins = bins();
        Fft fft = new Fft(frameLength);
        double[] w = window(), re = new double[frameLength], im = new double[frameLength], p = new double[bins];
        float[] out = new float[bins * frames];
        for (int f = 0; f < frames; f++) {
            int start = f * hop;
            for (int t = 0; t < frameLength; t++) re[t] = start + t < samples.length ? samples[start + t] * w[t] : 0;
            fft.powerSpectrum(re, im, p);
            // Frames are columns: one bin's values over time form a row, as a Conv1d over time reads them.
            for (int k = 0; k < bins; k++) out[k * frames + f] = (float) p[k];
        }
        return Tensor.of(out, bins, frames);
    }
}
