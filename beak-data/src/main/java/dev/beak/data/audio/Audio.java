package dev.beak.data.audio;

/** Mono samples in [-1, 1] and their rate in Hz. */
public record Audio(float[] samples, float sampleRate) {
    public Audio {
        if (!(sampleRate > 0)) throw new IllegalArgumentException("sample rate must be > 0, got " + sampleRate);
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
