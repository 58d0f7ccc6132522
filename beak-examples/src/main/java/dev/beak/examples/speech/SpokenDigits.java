package dev.beak.examples.speech;

import dev.beak.data.audio.MelFilterbank;
import dev.beak.data.audio.Spectrogram;
import dev.beak.dataset.TensorDataset;
import dev.beak.examples.EpochPrinter;
import dev.beak.examples.Example;
import dev.beak.examples.ExampleResult;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spoken-digit recognition from log-mel spectrograms with a 1-d CNN over time (the 40 mel bands are
 * the channels). The voices are SYNTHETIC ({@link SyntheticDigits}, espeak-ng); the test set is spoken
 * by voice variants that never occur in training, and every utterance gets a random time shift and
 * white noise at 0 to 20 dB SNR. Baseline: softmax regression on each band's mean and standard
 * deviation over time (what a word sounds like on average, without its order in time).
 */
public final class SpokenDigits implements Example {
    static final int BANDS = 40, FRAMES = 96;

    @Override public String name() { return "speech-digits"; }

    @Override public String description() {
        return "spoken digits by SYNTHETIC espeak-ng voices (unheard voices in the test set, added noise): log-mel + 1-d CNN over time";
    }

    @Override public String data() { return "rendered by espeak-ng (Debian package espeak-ng, GPL-3+): synthetic voices"; }

    @Override public List<String> packages() { return List.of("espeak-ng"); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) throws Exception {
        long t0 = System.nanoTime();
        int accents = quick ? 4 : 8, variants = quick ? 10 : 30, testVariants = quick ? 3 : 8, copies = quick ? 2 : 3, epochs = quick ? 12 : 20;
        List<SyntheticDigits.Utterance> all = SyntheticDigits.render(accents, IntStream.range(0, variants).boxed().toList(), seed);
        List<String> held = SyntheticDigits.VARIANTS.subList(variants - testVariants, variants);
        List<SyntheticDigits.Utterance> train = all.stream().filter(u -> !held.contains(u.variant())).toList();
        List<SyntheticDigits.Utterance> test = all.stream().filter(u -> held.contains(u.variant())).toList();
        log.printf(Locale.ROOT, "rendered %d utterances (%d accents x %d voice variants x 10 digits); test voices %s are never heard in training%n",
                all.size(), accents, variants, held);
        log.flush();
        SplittableRandom rng = new SplittableRandom(seed);
        TensorDataset trainSet = features(train, copies, rng), testSet = features(test, 1, rng);
        Model cnn = network(seed).compile(new Adam(1e-3), new CrossEntropy());
        double accuracy = cnn.fit(trainSet, FitOptions.epochs(epochs).batchSize(32).seed(seed).validation(testSet)
                .listener(new EpochPrinter("cnn", log))).last().get("val_accuracy");
        Model bands = Sequential.of(Layers.dense(10)).named("band_statistics").seed(seed).withInputShape(2 * BANDS)
                .compile(new Adam(1e-2), new CrossEntropy());
        double baseline = bands.fit(new TensorDataset(bandStatistics(trainSet.x()), trainSet.y()), FitOptions.epochs(epochs * 2).batchSize(32).seed(seed)
                .validation(new TensorDataset(bandStatistics(testSet.x()), testSet.y()))).last().get("val_accuracy");
        return new ExampleResult(name(), accuracy, baseline, "softmax regression on band means and deviations", trainSet.size(), testSet.size(),
                (System.nanoTime() - t0) / 1e9, Map.of("majority_class", dev.beak.examples.Baselines.majority(trainSet, testSet, 10)));
    }

    /** Three 1-d convolutions over time with pooling, global average over time, dropout, softmax over 10 digits. */
    public static Model network(long seed) {
        return Sequential.of(Layers.conv1d(64, 5).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool1d(2),
                        Layers.conv1d(64, 5).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool1d(2),
                        Layers.conv1d(96, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.globalAvgPool(),
                        Layers.dropout(0.3f), Layers.dense(10))
                .named("speech_cnn").seed(seed).withInputShape(BANDS, FRAMES);
    }

    /**
     * Log-mel features (40 bands x 96 frames of 512 samples, hop 256: about 1.1 s at 22,050 Hz) of each
     * utterance, {@code copies} times with a random shift and noise; standardised to zero mean and unit
     * variance per utterance, as a microphone's gain is unknown.
     */
    static TensorDataset features(List<SyntheticDigits.Utterance> utterances, int copies, SplittableRandom rng) {
        Spectrogram stft = new Spectrogram(512, 256);
        List<float[]> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        MelFilterbank mel = null;
        int window = 512 + (FRAMES - 1) * 256;
        for (SyntheticDigits.Utterance u : utterances) {
            if (mel == null) mel = new MelFilterbank(u.audio().sampleRate(), 512, BANDS, 50, Math.min(8000, u.audio().sampleRate() / 2));
            for (int c = 0; c < copies; c++) {
                float[] s = u.audio().samples(), x = new float[window];
                int shift = rng.nextInt(Math.max(1, window - s.length + 1));
                for (int i = 0; i < s.length && shift + i < window; i++) x[shift + i] = s[i];
                double power = 0;
                for (float v : s) power += v * v;
                double snrDb = 20 * rng.nextDouble(), sd = Math.sqrt(power / s.length / Math.pow(10, snrDb / 10));
                for (int i = 0; i < window; i++) x[i] += (float) (sd * rng.nextGaussian());
                rows.add(standardize(mel.logMel(stft.power(x)).data()));
                labels.add((float) u.digit());
            }
        }
        float[] xs = new float[rows.size() * BANDS * FRAMES], ys = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, xs, i * BANDS * FRAMES, BANDS * FRAMES);
            ys[i] = labels.get(i);
        }
        return new TensorDataset(Tensor.of(xs, rows.size(), BANDS, FRAMES), Tensor.of(ys, rows.size()));
    }

    /** Zero mean and unit variance over the whole utterance (bands keep their relative levels). */
    private static float[] standardize(float[] lm) {
        double mean = 0, sq = 0;
        for (float v : lm) mean += v;
        mean /= lm.length;
        for (float v : lm) sq += (v - mean) * (v - mean);
        double sd = Math.sqrt(sq / lm.length) + 1e-5;
        for (int i = 0; i < lm.length; i++) lm[i] = (float) ((lm[i] - mean) / sd);
        return lm;
    }

    /** Per utterance, each band's mean and standard deviation over time: (N, 2 * bands). */
    static Tensor bandStatistics(Tensor x) {
        int n = x.dim(0);
        float[] out = new float[n * 2 * BANDS], d = x.data();
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < BANDS; b++) {
                double mean = 0, sq = 0;
                int o = (i * BANDS + b) * FRAMES;
                for (int f = 0; f < FRAMES; f++) mean += d[o + f];
                mean /= FRAMES;
                for (int f = 0; f < FRAMES; f++) sq += Math.pow(d[o + f] - mean, 2);
                out[i * 2 * BANDS + b] = (float) mean;
                out[i * 2 * BANDS + BANDS + b] = (float) Math.sqrt(sq / FRAMES);
            }
        }
        return Tensor.of(out, n, 2 * BANDS);
    }
}
