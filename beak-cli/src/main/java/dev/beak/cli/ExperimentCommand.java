package dev.beak.cli;

import dev.beak.command.Json;
import dev.beak.data.Downloader;
import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.data.PublicDataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.TransferExperiment;
import dev.beak.nn.TransferExperiment.Regime;
import dev.beak.viz.Pictures;
import dev.beak.viz.TrainingCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Experiments that take minutes, kept out of the unit suite: {@code beak experiment transfer}. */
@Command(name = "experiment", mixinStandardHelpOptions = true, description = "Longer experiments with a table and a plot.",
        subcommands = ExperimentCommand.Transfer.class)
final class ExperimentCommand {
    /** {@link TransferExperiment} on Fashion-MNIST and the bundled MNIST digits (and the other way round with --swap), its table and plots. */
    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Pretrain a small conv base on Fashion-MNIST (60k; Debian package dataset-fashion-mnist or beak data get), "
                    + "then train on 500 bundled MNIST digits from scratch, as a frozen base with a new head, and fine-tuned; "
                    + "test on the 2,000 bundled test digits. --swap also runs the roles the other way round.")
    static final class Transfer implements Callable<Integer> {
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

        @Mixin OutputOptions output;

        @Override
        public Integer call() throws Exception {
            Path fashion = PublicDataset.FASHION_MNIST.localCopy(Downloader.defaultCache()).orElseThrow(() -> new IllegalArgumentException(
                    "no local copy of Fashion-MNIST: apt-get install dataset-fashion-mnist (Debian), or beak data get fashion-mnist"));
            TensorDataset fashionTrain = Mnist.loadDir(fashion, "train"), fashionTest = Mnist.loadDir(fashion, "test");
            var options = new TransferExperiment.Options(pretrainEpochs, epochs, fineTuneEpochs, lr, seed, seeds);
            List<TransferExperiment.Data> settings = new ArrayList<>(List.of(new TransferExperiment.Data("fashion-to-digits", "Fashion-MNIST (60,000)",
                    fashionTrain, "MNIST digits", EmbeddedMnist.train().slice(0, labelled), EmbeddedMnist.test())));
            if (swap) {
                settings.add(new TransferExperiment.Data("digits-to-fashion", "bundled MNIST digits (8,000)", EmbeddedMnist.train(), "Fashion-MNIST",
                        fashionTrain.slice(0, labelled), fashionTest.slice(0, 2000)));
            }
            Files.createDirectories(out);
            StringBuilder md = new StringBuilder();
            List<Map<String, Object>> figures = new ArrayList<>();
            for (TransferExperiment.Data d : settings) {
                TransferExperiment.Result r = TransferExperiment.run(d, options, line -> {
                    output.human().println(line);
                    output.human().flush();
                });
                Path png = out.resolve("transfer-" + d.id() + ".png");
                String title = labelled + " labelled " + d.targetName() + " after pretraining on " + d.sourceName() + ": test accuracy per epoch (seed " + seed + ")";
                Pictures.writePng(TrainingCurves.comparison(title, r.curves()), png);
                md.append(r.table(png.getFileName().toString()));
                List<Map<String, Object>> regimes = new ArrayList<>();
                for (Regime g : Regime.values()) {
                    regimes.add(Json.object("regime", g.label(), "trained_parameters", r.outcomes().getFirst().trainedParameters().get(g),
                            "epochs", options.epochs(g), "test_accuracy_mean", r.mean(g), "test_accuracy_sd", r.sd(g), "test_accuracy_per_seed", r.lastAccuracies(g)));
                }
                figures.add(Json.object("setting", d.id(), "labelled", d.small().size(), "test_samples", d.test().size(), "plot", png.toString(), "regimes", regimes));
            }
            Path table = out.resolve("transfer-experiment.md");
            Files.writeString(table, md.toString());
            output.human().println(md);
            output.human().println("Table and plots written to " + out);
            output.result(Json.object("table", table.toString(), "settings", figures));
            return 0;
        }
    }
}
