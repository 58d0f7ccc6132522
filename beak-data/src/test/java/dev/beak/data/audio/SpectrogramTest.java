package dev.beak.data.audio;

import dev.beak.data.DataFileException;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** FFT and STFT against the DFT by its definition; mel filters; WAV reading through the JDK. */
class SpectrogramTest {
    private final SplittableRandom rng = new SplittableRandom(19);

    @Test
    void fftMatchesTheReferenceDftOnRandomSignals() {
        for (int n : new int[] {1, 2, 4, 8, 64, 512}) {
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) { re[i] = rng.nextDouble(-1, 1); im[i] = rng.nextDouble(-1, 1); }
            double[][] expected = Dft.transform(re.clone(), im.clone());
            new Fft(n).transform(re, im);
            for (int k = 0; k < n; k++) {
                assertThat(re[k]).as("re[%d] of %d", k, n).isCloseTo(expected[0][k], within(1e-9 * n));
                assertThat(im[k]).as("im[%d] of %d", k, n).isCloseTo(expected[1][k], within(1e-9 * n));
            }
        }
        assertThatThrownBy(() -> new Fft(12)).hasMessageContaining("power of two");
    }

    @Test
    void spectrogramFramesAreWindowedDftsOfTheSignal() {
        Spectrogram stft = new Spectrogram(64, 24);
        float[] x = new float[300];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble(-1, 1);
        Tensor p = stft.power(x);
        int frames = 1 + (300 - 64) / 24;
        assertThat(p.shape()).containsExactly(33, frames);
        double[] w = stft.window();
        for (int f = 0; f < frames; f++) {
            double[] re = new double[64], im = new double[64];
            for (int t = 0; t < 64; t++) re[t] = x[f * 24 + t] * w[t];
            double[][] X = Dft.transform(re, im);
            for (int k = 0; k <= 32; k++) {
                double power = X[0][k] * X[0][k] + X[1][k] * X[1][k];
                assertThat((double) p.data()[k * frames + f]).as("bin %d, frame %d", k, f).isCloseTo(power, within(1e-4 * (1 + power)));
            }
        }
        // A signal shorter than a frame is zero-padded into one frame.
        assertThat(stft.power(new float[10]).shape()).containsExactly(33, 1);
    }

    @Test
    void aPureToneLandsInItsBinAndItsMelBand() {
        float rate = 8000;
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(2 * Math.PI * 1000 * i / rate);
        Spectrogram stft = new Spectrogram(256, 128);
        Tensor p = stft.power(x);
        int frames = p.dim(1), peak = 0;
        for (int k = 1; k < 129; k++) if (p.data()[k * frames + 3] > p.data()[peak * frames + 3]) peak = k;
        assertThat(peak).as("1000 Hz is bin 1000 * 256 / 8000").isEqualTo(32);
        MelFilterbank mel = new MelFilterbank(rate, 256, 20, 0, 4000);
        Tensor lm = mel.logMel(p);
        assertThat(lm.shape()).containsExactly(20, frames);
        int best = 0;
        for (int b = 1; b < 20; b++) if (lm.data()[b * frames + 3] > lm.data()[best * frames + 3]) best = b;
        float[][] filters = mel.filters();
        assertThat(filters[best][32]).as("the loudest band is one whose filter covers the tone's bin").isGreaterThan(0.3f);
        for (float[] f : filters) {
            float max = 0;
            for (float v : f) max = Math.max(max, v);
            assertThat(max).as("every filter reaches at least one bin").isGreaterThan(0f).isLessThanOrEqualTo(1f);
        }
        assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(1234))).isCloseTo(1234, within(1e-9));
        assertThatThrownBy(() -> mel.logMel(Tensor.zeros(10, 3))).hasMessageContaining("expects a power spectrogram (129, frames)");
    }

    @Test
    void readsWavFilesWrittenByTheJdk(@TempDir Path dir) throws Exception {
        // A 16-bit stereo WAV whose left and right channels average to a known ramp.
        int frames = 100;
        byte[] pcm = new byte[frames * 4];
        for (int t = 0; t < frames; t++) {
            short left = (short) (t * 300), right = (short) (-t * 100);
            pcm[4 * t] = (byte) left; pcm[4 * t + 1] = (byte) (left >> 8);
            pcm[4 * t + 2] = (byte) right; pcm[4 * t + 3] = (byte) (right >> 8);
        }
        AudioFormat f = new AudioFormat(16000, 16, 2, true, false);
        Path wav = dir.resolve("ramp.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, frames), AudioFileFormat.Type.WAVE, wav.toFile());
        Audio a = WavFiles.read(wav);
        assertThat(a.sampleRate()).isEqualTo(16000f);
        assertThat(a.samples()).hasSize(frames);
        for (int t = 0; t < frames; t++) assertThat(a.samples()[t]).isCloseTo((t * 300 - t * 100) / 2f / 32768f, within(1e-7f));

        Path truncated = dir.resolve("truncated.wav");
        byte[] all = Files.readAllBytes(wav);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length - 40));
        assertThatThrownBy(() -> WavFiles.read(truncated)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(truncated.toString()).hasMessageContaining("truncated");
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio at all");
        assertThatThrownBy(() -> WavFiles.read(text)).isInstanceOf(DataFileException.class).hasMessageContaining("not an audio file");
    }
}
