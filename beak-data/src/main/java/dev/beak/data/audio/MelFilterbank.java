package dev.beak.data.audio;

import dev.beak.tensor.Tensor;

/**
 * Triangular filters evenly spaced on the mel scale (HTK's {@code mel = 2595 log10(1 + hz / 700)}),
 * each peaking at 1, which pool a power spectrogram's bins into {@code bands} perceptual bands; the log
 * of the result is the log-mel spectrogram that speech CNNs take as input.
 *
 * <p>Shapes: power spectrogram (B, F) with B = fftLength/2 + 1; filters (bands, B); log-mel (bands, F),
 * {@code ln(max(mel, floor))} with floor 1e-10.
 * {@snippet :
 * var stft = new Spectrogram(512, 160);                                   // 32 ms frames, 10 ms hop at 16 kHz
 * var mel = new MelFilterbank(16000, 512, 40, 20, 8000);
 * Tensor features = mel.logMel(stft.power(WavFiles.read(path).samples()));  // (40, frames)
 * }
 */
public record MelFilterbank(float sampleRate, int fftLength, int bands, float minHz, float maxHz) {
    private static final double FLOOR = 1e-10;

    public MelFilterbank {
        if (bands < 1 || fftLength < 2) throw new IllegalArgumentException("a mel filterbank needs bands >= 1 and an FFT length >= 2, got " + bands + " and " + fftLength);
        if (!(minHz >= 0 && minHz < maxHz && maxHz <= sampleRate / 2)) {
            throw new IllegalArgumentException("mel band edges must satisfy 0 <= min < max <= rate/2 = " + sampleRate / 2 + ", got " + minHz + " and " + maxHz);
        }
    }

    static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** The filter weights (bands, fftLength/2 + 1). */
    public float[][] filters() {
        int bins = fftLength / 2 + 1;
        double lo = hzToMel(minHz), hi = hzToMel(maxHz);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) edges[i] = melToHz(lo + (hi - lo) * i / (bands + 1));
        float[][] w = new float[bands][bins];
        for (int b = 0; b < bands; b++) {
            double left = edges[b], centre = edges[b + 1], right = edges[b + 2];
            for (int k = 0; k < bins; k++) {
                double hz = (double) k * sampleRate / fftLength;
                double v = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
                w[b][k] = (float) Math.max(0, v);
            }
        }
        return w;
    }

    /** ln of the mel-band energies of a power spectrogram (B, F): (bands, F). */
    public Tensor logMel(Tensor power) {
        int bins = fftLength / 2 + 1;
        if (power.rank() != 2 || power.dim(0) != bins) {
            throw new IllegalArgumentException("log-mel expects a power spectrogram (" + bins + ", frames) for FFT length " + fftLength
                    + ", got " + dev.beak.tensor.Shape.toString(power.shape()));
        }
        int frames = power.dim(1);
        float[][] w = filters();
        float[] p = power.data(), out = new float[bands * frames];
        double[] acc = new double[frames];
        for (int b = 0; b < bands; b++) {
            java.util.Arrays.fill(acc, 0);
            for (int k = 0; k < bins; k++) {
                float wk = w[b][k];
                if (wk == 0) continue;
                for (int f = 0; f < frames; f++) acc[f] += wk * p[k * frames + f];
            }
            for (int f = 0; f < frames; f++) out[b * frames + f] = (float) Math.log(Math.max(acc[f], FLOOR));
        }
        return dev.beak.tensor.Tensor.of(out, bands, frames);
    }
}
