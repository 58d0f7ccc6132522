/**
 * Sound for 1-d and 2-d CNNs: WAV files read through the JDK's {@code javax.sound.sampled}
 * ({@link dev.beak.data.audio.WavFiles}, giving {@link dev.beak.data.audio.Audio}), a radix-2
 * {@link dev.beak.data.audio.Fft} with its plain O(n²) reference {@link dev.beak.data.audio.Dft},
 * the short-time Fourier transform ({@link dev.beak.data.audio.Spectrogram}) and log-mel features
 * ({@link dev.beak.data.audio.MelFilterbank}).
 *
 * <p>Layout: features are (bands, frames), channels first, so that a {@code Conv1d} slides over time
 * with the bands as channels, or, with a leading 1, a {@code Conv2d} sees a one-channel picture.
 */
package dev.beak.data.audio;
