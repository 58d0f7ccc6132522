package dev.beak.cli;

import dev.beak.nn.train.ProgressBar;
import dev.beak.data.Downloader;
import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.data.PublicDataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.TransferRecipe;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.ops.Padding;
import dev.beak.viz.Pictures;
import dev.beak.viz.TrainingCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** Experiments that take minutes, kept out of the unit suite: {@code beak experiment transfer}. */
@Command(name = "experiment", mixinStandardHelpOptions = true, description = "Longer experiments with a table and a plot.",
        subcommands = ExperimentCommand.Transfer.class)
final class ExperimentCommand {
    /**
     * Why transfer learning matters with little data: a small conv net pretrained on one data set, then
     * 500 labelled images of another, trained (a) from scratch, (b) as a new head on the frozen base,
     * (c) as (b) followed by fine-tuning the top conv block at a tenth of the learning rate.
     */
    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Pretrain a small conv base on Fashion-MNIST (60k; Debian package dataset-fashion-mnist or beak data get), "
                    + "then train on 500 bundled MNIST digits from scratch, as a frozen base with a new head, and fine-tuned; "
                    + "test on the 2,000 bundled test digits. --swap also runs the roles the other way round.")
    static final class Transfer implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--pretrain-epochs", defaultValue = "2", description = "Epochs on the large data set (default: ${DEFAULT-VALUE}).")
        int pretrainEpochs;

        @Option(names = "--labelled", defaultValue = "500", description = "Labelled images of the small data set (default: ${DEFAULT-VALUE}).")
        int labelled;

        @Option(names = "--epochs", defaultValue = "20", description = "Epochs of the head, and of (a) before fine-tuning starts (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--fine-tune-epochs", defaultValue = "10", description = "Epochs of fine-tuning in (c) (default: ${DEFAULT-VALUE}).")
        int fineTuneEpochs;

        @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate; fine-tuning uses a tenth (default: ${DEFAULT-VALUE}).")
        double lr;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of every initialisation and shuffle (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--seeds", defaultValue = "1",
                description = "Repeat every regime with this many seeds (seed, seed+100, ...) and report mean and spread (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--swap", description = "Also pretrain on the 8,000 bundled MNIST digits and train on 500 Fashion-MNIST images.")
        boolean swap;

        @Option(names = "--out", defaultValue = "runs/experiment-transfer", description = "Folder for the table and the plot (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            Path fashion = PublicDataset.FASHION_MNIST.localCopy(Downloader.defaultCache()).orElseThrow(() -> new IllegalArgumentException(
                    "no local copy of Fashion-MNIST: apt-get install dataset-fashion-mnist (Debian), or beak data get fashion-mnist"));
            TensorDataset fashionTrain = Mnist.loadDir(fashion, "train"), fashionTest = Mnist.loadDir(fashion, "test");
            Files.createDirectories(out);
            StringBuilder md = new StringBuilder();
            List<Setting> settings = new ArrayList<>(List.of(new Setting("fashion-to-digits", "Fashion-MNIST (60,000)", fashionTrain,
                    "MNIST digits", EmbeddedMnist.train().slice(0, labelled), EmbeddedMnist.test())));
            if (swap) {
                settings.add(new Setting("digits-to-fashion", "bundled MNIST digits (8,000)", EmbeddedMnist.train(), "Fashion-MNIST",
                        fashionTrain.slice(0, labelled), fashionTest.slice(0, 2000)));
            }
            for (Setting s : settings) md.append(run(s, stdout));
            Files.writeString(out.resolve("transfer-experiment.md"), md.toString());
            stdout.println(md);
            stdout.println("Table and plots written to " + out);
            stdout.flush();
            return 0;
        }

        record Setting(String id, String sourceName, TensorDataset source, String targetName, TensorDataset small, TensorDataset test) {
            String labelled(int n) {
                return n + " labelled " + targetName + " after pretraining on " + sourceName;
            }
        }

        /** The base (two conv blocks) and the classifier on it; the same layers, fresh, are the from-scratch model. */
        private static List<LayerSpec> base() {
            return List.of(Layers.conv2d(16, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                    Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.flatten());
        }

        private static final List<LayerSpec> HEAD = List.of(Layers.dense(64, Activation.RELU), Layers.dropout(0.5f));

        /** One seed's histories of the three regimes and their trained-parameter counts. */
        record Outcome(History a, History b, History c, long[] params) {}

        /** Every seed of one setting: the table (last-epoch test accuracy, mean and spread over the seeds) and the first seed's plot. */
        private String run(Setting s, PrintWriter stdout) throws Exception {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < seeds; i++) outcomes.add(once(s, seed + 100L * i, stdout));
            Outcome first = outcomes.getFirst();
            Map<String, double[][]> curves = new LinkedHashMap<>();
            curves.put(REGIMES.get(0), xy(first.a(), 0));
            curves.put(REGIMES.get(1), xy(first.b(), 0));
            curves.put(REGIMES.get(2), xy(first.c(), epochs));
            Path png = out.resolve("transfer-" + s.id() + ".png");
            Pictures.writePng(TrainingCurves.comparison(s.labelled(labelled) + ": test accuracy per epoch (seed " + seed + ")", curves), png);

            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "### Pretrained on %s; %d labelled %s; tested on %,d%n%n", s.sourceName(), s.small().size(),
                    s.targetName(), s.test().size()));
            t.append("| regime | trained parameters | epochs | test accuracy, last epoch (mean ± sd over " + seeds + " seed" + (seeds == 1 ? "" : "s")
                    + ") | per seed |\n|---|---:|---:|---:|---|\n");
            int[] regimeEpochs = {epochs + fineTuneEpochs, epochs, epochs + fineTuneEpochs};
            for (int r = 0; r < 3; r++) {
                final int regime = r;
                double[] last = outcomes.stream().mapToDouble(o -> lastAccuracy(regime == 0 ? o.a() : regime == 1 ? o.b() : o.c())).toArray();
                double mean = java.util.Arrays.stream(last).average().orElse(Double.NaN);
                double sd = Math.sqrt(java.util.Arrays.stream(last).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, last.length - 1));
                t.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.4f ± %.4f | %s |%n", REGIMES.get(r), first.params()[r], regimeEpochs[r], mean, sd,
                        java.util.Arrays.stream(last).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v)).toList()));
            }
            t.append(String.format(Locale.ROOT, "%nPlot: `%s`%n%n", png.getFileName()));
            return t.toString();
        }

        private static final List<String> REGIMES = List.of("(a) from scratch", "(b) frozen base + new head",
                "(c) (b), then fine-tuning conv2d_1 and up at lr/10");

        private static double lastAccuracy(History h) {
            double[] v = h.values("val_accuracy");
            return v[v.length - 1];
        }

        private Outcome once(Setting s, long seed, PrintWriter stdout) throws Exception {
            long t0 = System.nanoTime();
            List<LayerSpec> full = new ArrayList<>(base());
            full.addAll(HEAD);
            full.add(Layers.dense(10));
            Model pretrained = Sequential.of(full.toArray(LayerSpec[]::new)).named("pretrained").seed(seed).withInputShape(1, 28, 28)
                    .compile(new Adam(lr), new CrossEntropy());
            pretrained.fit(s.source(), FitOptions.epochs(pretrainEpochs).batchSize(64).seed(seed));
            stdout.printf(Locale.ROOT, "[%s, seed %d] pretrained on %s for %d epochs in %s%n", s.id(), seed, s.sourceName(), pretrainEpochs,
                    ProgressBar.clock((System.nanoTime() - t0) / 1e9));
            stdout.flush();
            FitOptions fit = FitOptions.epochs(epochs).batchSize(32).validation(s.test()).seed(seed + 1);

            Model scratch = Sequential.of(full.toArray(LayerSpec[]::new)).named("scratch").seed(seed + 7).withInputShape(1, 28, 28)
                    .compile(new Adam(lr), new CrossEntropy());
            History a = scratch.fit(s.small(), FitOptions.epochs(epochs + fineTuneEpochs).batchSize(32).validation(s.test()).seed(seed + 1));

            TransferRecipe recipe = TransferRecipe.cutAt("flatten").withHead(HEAD.toArray(LayerSpec[]::new)).fineTuningFrom("conv2d_1");
            Model transfer = recipe.model(pretrained, 10, seed + 7).compile(new Adam(lr), new CrossEntropy());
            long headParams = transfer.trainableParameters().values().stream().mapToLong(t -> t.size()).sum();
            History b = transfer.fit(s.small(), fit);
            recipe.startFineTuning(transfer).compile(new Adam(lr * recipe.fineTuneLrFactor()), new CrossEntropy());
            long fineParams = transfer.trainableParameters().values().stream().mapToLong(t -> t.size()).sum();
            History c = transfer.fit(s.small(), FitOptions.epochs(fineTuneEpochs).batchSize(32).validation(s.test()).seed(seed + 2));

            stdout.printf(Locale.ROOT, "[%s, seed %d] done in %s: test accuracy (a) %.4f, (b) %.4f, (c) %.4f%n", s.id(), seed,
                    ProgressBar.clock((System.nanoTime() - t0) / 1e9), lastAccuracy(a), lastAccuracy(b), lastAccuracy(c));
            stdout.flush();
            return new Outcome(a, b, c, new long[] {scratch.parameterCount(), headParams, fineParams});
        }

        /** Epochs (shifted by {@code from}) and validation accuracies of a history. */
        private static double[][] xy(History h, int from) {
            double[] v = h.values("val_accuracy");
            return new double[][] {IntStream.rangeClosed(1, v.length).mapToDouble(e -> e + from).toArray(), v};
        }
    }
}
