package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.ProgressBar;
import dev.beak.ops.Padding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Why transfer learning matters with little data ({@code beak experiment transfer}): a small conv net
 * (two conv blocks, a 64-unit head with dropout) is pretrained on a large data set of 1x28x28 images with
 * 10 classes, then a few labelled images of another data set are learned three ways, each tested after
 * every epoch: (a) from scratch, (b) as a new head on the frozen pretrained base
 * ({@link TransferRecipe}), (c) as (b), then fine-tuning {@code conv2d_1} and up at a tenth of the
 * learning rate. Every regime is repeated over seeds ({@code seed}, {@code seed + 100}, ...).
 *
 * {@snippet :
 * var data = new TransferExperiment.Data("fashion-to-digits", "Fashion-MNIST", fashion, "MNIST digits", digits.slice(0, 500), digitsTest);
 * TransferExperiment.Result r = TransferExperiment.run(data, TransferExperiment.Options.DEFAULT, System.out::println);
 * System.out.println(r.table("transfer.png"));
 * }
 */
public final class TransferExperiment {
    private TransferExperiment() {}

    /** The three ways of learning the small data set, in the table's order. */
    public enum Regime {
        FROM_SCRATCH("(a) from scratch"), FROZEN_BASE("(b) frozen base + new head"), FINE_TUNED("(c) (b), then fine-tuning conv2d_1 and up at lr/10");

        private final String label;

        Regime(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What is learned from what: the large {@code source} set, the small labelled set and its test set. */
    public record Data(String id, String sourceName, TensorDataset source, String targetName, TensorDataset small, TensorDataset test) {}

    /** Epochs (pretraining, the head and (a) before fine-tuning, fine-tuning), Adam's learning rate, the first seed and the seed count. */
    public record Options(int pretrainEpochs, int epochs, int fineTuneEpochs, double lr, long seed, int seeds) {
        public static final Options DEFAULT = new Options(2, 20, 10, 1e-3, 1, 1);

        public Options {
            if (pretrainEpochs < 1 || epochs < 1 || fineTuneEpochs < 1 || seeds < 1) {
                throw new IllegalArgumentException("epochs and seeds must be >= 1, got " + pretrainEpochs + ", " + epochs + ", " + fineTuneEpochs + ", " + seeds);
            }
        }

        /** Epochs each regime trains on the small set. */
        public int epochs(Regime r) {
            return r == Regime.FROZEN_BASE ? epochs : epochs + fineTuneEpochs;
        }
    }

    /** One seed's test-accuracy history and trained-parameter count per regime. */
    public record Outcome(long seed, Map<Regime, History> histories, Map<Regime, Long> trainedParameters) {
        /** Test accuracy after the regime's last epoch. */
        public double lastAccuracy(Regime r) {
            double[] v = histories.get(r).values("val_accuracy");
            return v[v.length - 1];
        }
    }

    /** Every seed's outcome of one data setting. */
    public record Result(Data data, Options options, List<Outcome> outcomes) {
        /** Last-epoch test accuracy per seed. */
        public double[] lastAccuracies(Regime r) {
            return outcomes.stream().mapToDouble(o -> o.lastAccuracy(r)).toArray();
        }

        public double mean(Regime r) {
            return Arrays.stream(lastAccuracies(r)).average().orElse(Double.NaN);
        }

        /** Sample standard deviation over the seeds (0 for one seed). */
        public double sd(Regime r) {
            double[] v = lastAccuracies(r);
            double m = mean(r);
            return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / Math.max(1, v.length - 1));
        }

        /** The first seed's curves: per regime, epochs (fine-tuning's after the head's) and test accuracies. */
        public Map<String, double[][]> curves() {
            Outcome first = outcomes.getFirst();
            Map<String, double[][]> curves = new LinkedHashMap<>();
            for (Regime r : Regime.values()) {
                double[] v = first.histories().get(r).values("val_accuracy");
                int from = r == Regime.FINE_TUNED ? options.epochs() : 0;
                curves.put(r.label(), new double[][] {IntStream.rangeClosed(1, v.length).mapToDouble(e -> e + from).toArray(), v});
            }
            return curves;
        }

        /** A Markdown section: the setting, one row per regime (trained parameters, epochs, mean ± sd, per seed), the plot's file name. */
        public String table(String plot) {
            int n = options.seeds();
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "### Pretrained on %s; %d labelled %s; tested on %,d%n%n",
                    data.sourceName(), data.small().size(), data.targetName(), data.test().size()));
            t.append("| regime | trained parameters | epochs | test accuracy, last epoch (mean ± sd over ").append(n).append(" seed")
                    .append(n == 1 ? "" : "s").append(") | per seed |\n|---|---:|---:|---:|---|\n");
            for (Regime r : Regime.values()) {
                t.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.4f ± %.4f | %s |%n", r.label(), outcomes.getFirst().trainedParameters().get(r),
                        options.epochs(r), mean(r), sd(r), Arrays.stream(lastAccuracies(r)).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v)).toList()));
            }
            return t.append(String.format(Locale.ROOT, "%nPlot: `%s`%n%n", plot)).toString();
        }
    }

    private static final List<LayerSpec> HEAD = List.of(Layers.dense(64, Activation.RELU), Layers.dropout(0.5f));

    /** Runs every seed of {@code data}; {@code log} gets a line after pretraining and after each seed. */
    public static Result run(Data data, Options options, Consumer<String> log) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < options.seeds(); i++) outcomes.add(once(data, options, options.seed() + 100L * i, log));
        return new Result(data, options, outcomes);
    }

    private static Outcome once(Data d, Options o, long seed, Consumer<String> log) {
        long t0 = System.nanoTime();
        Model pretrained = network("pretrained", seed, o.lr());
        pretrained.fit(d.source(), FitOptions.epochs(o.pretrainEpochs()).batchSize(64).seed(seed));
        log.accept(String.format(Locale.ROOT, "[%s, seed %d] pretrained on %s for %d epochs in %s", d.id(), seed, d.sourceName(), o.pretrainEpochs(),
                ProgressBar.clock((System.nanoTime() - t0) / 1e9)));

        Model scratch = network("scratch", seed + 7, o.lr());
        History a = scratch.fit(d.small(), FitOptions.epochs(o.epochs(Regime.FROM_SCRATCH)).batchSize(32).validation(d.test()).seed(seed + 1));

        TransferRecipe recipe = TransferRecipe.cutAt("flatten").withHead(HEAD.toArray(LayerSpec[]::new)).fineTuningFrom("conv2d_1");
        Model transfer = recipe.model(pretrained, 10, seed + 7).compile(new Adam(o.lr()), new CrossEntropy());
        long headParameters = trainable(transfer);
        History b = transfer.fit(d.small(), FitOptions.epochs(o.epochs()).batchSize(32).validation(d.test()).seed(seed + 1));
        recipe.startFineTuning(transfer).compile(new Adam(o.lr() * recipe.fineTuneLrFactor()), new CrossEntropy());
        long fineParameters = trainable(transfer);
        History c = transfer.fit(d.small(), FitOptions.epochs(o.fineTuneEpochs()).batchSize(32).validation(d.test()).seed(seed + 2));

        Outcome out = new Outcome(seed, Map.of(Regime.FROM_SCRATCH, a, Regime.FROZEN_BASE, b, Regime.FINE_TUNED, c),
                Map.of(Regime.FROM_SCRATCH, scratch.parameterCount(), Regime.FROZEN_BASE, headParameters, Regime.FINE_TUNED, fineParameters));
        log.accept(String.format(Locale.ROOT, "[%s, seed %d] done in %s: test accuracy (a) %.4f, (b) %.4f, (c) %.4f", d.id(), seed,
                ProgressBar.clock((System.nanoTime() - t0) / 1e9), out.lastAccuracy(Regime.FROM_SCRATCH), out.lastAccuracy(Regime.FROZEN_BASE), out.lastAccuracy(Regime.FINE_TUNED)));
        return out;
    }

    /** The base (two conv blocks), the head and 10 logits, compiled with Adam and cross-entropy. */
    private static Model network(String name, long seed, double lr) {
        List<LayerSpec> layers = new ArrayList<>(List.of(Layers.conv2d(16, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.flatten()));
        layers.addAll(HEAD);
        layers.add(Layers.dense(10));
        return Sequential.of(layers.toArray(LayerSpec[]::new)).named(name).seed(seed).withInputShape(1, 28, 28).compile(new Adam(lr), new CrossEntropy());
    }

    private static long trainable(Model m) {
        return m.trainableParameters().values().stream().mapToLong(t -> t.size()).sum();
    }
}
