package dev.beak.spark.cli;

import dev.beak.command.OutputOptions;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.io.ImageClassifier;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.EpochLogs;
import dev.beak.spark.RoundListener;
import dev.beak.spark.SparkFitOptions;
import dev.beak.spark.SparkRun;
import dev.beak.spark.SparkTrainer;
import dev.beak.tensor.Shape;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code beak spark train}: synchronous data-parallel training ({@link SparkTrainer}) with the options
 * and defaults of {@code beak train}; the model file it writes is an ordinary .beak file.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network data-parallel on Spark: every round each partition computes the gradient of its share of the global batch.")
final class SparkTrainCommand implements Callable<Integer> {
    @Option(names = "--master", description = "Spark master (local[N], spark://host:7077, yarn, ...; default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--partitions", description = "Partitions the training data is spread over (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--model", defaultValue = "mnist", description = "Network: " + Networks.NAMES + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", paramLabel = "DIR", description = "IDX folder, CIFAR binary folder, or image folder (one subfolder per class; "
            + "any path Spark reads). Default: the embedded 10k MNIST sample.")
    String data;

    @Option(names = "--test-data", paramLabel = "DIR", description = "With an image folder: test images in the same class subfolders.")
    String testData;

    @Option(names = "--preprocess", paramLabel = "LIST", split = ",", description = "Preprocessing fitted once on the driver: "
            + "pixel-mean, channel-mean, standardize, min-max, pca, zca (fitted on up to --fit-samples training images).")
    List<String> preprocess;

    @Option(names = "--fit-samples", defaultValue = "10000", description = "Training images brought to the driver to fit --preprocess (default: ${DEFAULT-VALUE}).")
    int fitSamples;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Global batch size, split over the partitions (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-decay", defaultValue = "0.8", description = "Learning-rate factor per epoch (1 = constant; default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of initialisation, batch order and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Model file to write (default: runs/<model>-spark.beak).")
    Path out;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Write a checkpoint (model, optimizer state, history) after every epoch.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "ROUNDS", defaultValue = "0",
            description = "With --checkpoint-dir: also write the model every ROUNDS rounds (default: ${DEFAULT-VALUE}, only at epoch ends).")
    int checkpointEvery;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        PrintWriter text = output.human();
        Optimizer opt = optimizer();
        SavedModel start = Networks.resolve(model, seed);
        Model m = start.model();
        Path target = out != null ? out : Path.of("runs", (Networks.isNamed(model) ? model : m.name()) + "-spark.beak");
        if (target.getParent() != null) Files.createDirectories(target.getParent());
        SparkSession spark = Sessions.open(master, "beak spark train");
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int parts = partitions != null ? partitions : sc.defaultParallelism();
            InputGeometry geometry = start.inputGeometry() != null ? start.inputGeometry() : ImageClassifier.defaultGeometry(m.inputShape());
            SparkData d = SparkData.open(spark, data, testData, parts, geometry);
            try {
                if (m.inputShape() != null && !Arrays.equals(m.inputShape(), d.train().sampleShape())) {
                    throw new IllegalArgumentException("model " + m.name() + " takes " + Shape.toString(m.inputShape()) + " but the data gives "
                            + Shape.toString(d.train().sampleShape()) + " samples");
                }
                Preprocessing pre = preprocessing(start, d, text);
                List<String> classes = !d.train().classes().isEmpty() ? d.train().classes() : start.classNames();
                InputGeometry stored = data != null && !d.train().classes().isEmpty() ? geometry : start.inputGeometry();
                if (m.compileConfig().isEmpty()) m.compile(opt, new CrossEntropy());
                SavedModel begin = new SavedModel(m, Map.of(), pre, classes, stored, null);
                text.printf(Locale.ROOT, "Data: %s%nTraining %s (%,d parameters) on Spark %s (%s, %d partitions): %,d images, global batch %d, %d epochs%n",
                        d.description(), m.name(), m.parameterCount(), spark.version(), spark.sparkContext().master(), parts, d.train().size(), batchSize, epochs);
                text.flush();
                SparkFitOptions options = SparkFitOptions.of(epochs, batchSize, seed).withValidation(d.test()).withListener(progress(text));
                if (checkpointDir != null) options = options.withCheckpoints(checkpointDir, checkpointEvery);
                long t0 = System.nanoTime();
                SparkRun run = new SparkTrainer(sc, opt).fit(begin, d.train(), options);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Object> figures = figures(run, d, begin, seconds, spark, parts);
                ModelFile.save(new SavedModel(m, Map.of("test_accuracy", String.valueOf(figures.get("test_accuracy")), "trainer", "spark"),
                        pre, classes, stored, null), target);
                figures.put("model", target.toString());
                text.printf(Locale.ROOT, "Trained in %.1f s (%.1f images/s); model saved to %s%n", seconds, figures.get("train_images_per_s"), target);
                output.result(figures);
            } finally {
                d.train().release();
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    private Optimizer optimizer() {
        LearningRateSchedule schedule = lrDecay == 1 ? LearningRateSchedule.constant() : LearningRateSchedule.exponential(lrDecay);
        return switch (optimizer) {
            case "adam" -> new Adam(lr).schedule(schedule);
            case "sgd" -> new Sgd(lr, momentum).schedule(schedule);
            default -> throw new IllegalArgumentException("--optimizer must be adam or sgd, got " + optimizer);
        };
    }

    /** The model file's preprocessing, else the --preprocess steps fitted on the driver, else none. */
    private Preprocessing preprocessing(SavedModel start, SparkData d, PrintWriter text) {
        if (preprocess == null || preprocess.isEmpty()) return start.preprocessing();
        if (!start.preprocessing().isEmpty()) throw new IllegalArgumentException("--preprocess: the model file brings its own preprocessing");
        List<PreprocessKind> kinds = preprocess.stream().map(PreprocessKind::parse).toList();
        var sample = d.train().sample(fitSamples);
        text.printf(Locale.ROOT, "Fitting %s on %,d training images on the driver%n", preprocess, sample.size());
        return Preprocessing.fit(sample, kinds, 1e-5);
    }

    private RoundListener progress(PrintWriter text) {
        return new RoundListener() {
            @Override
            public void onRound(EpochLogs logs, int roundsPerEpoch) {
                int inEpoch = (logs.epoch() - 1) % roundsPerEpoch + 1;
                if (inEpoch % Math.max(1, roundsPerEpoch / 10) != 0 || inEpoch == roundsPerEpoch) return;
                text.printf(Locale.ROOT, "  epoch %d, round %d/%d: loss %.4f (%.0f ms per round)%n", (int) logs.get("epoch"), inEpoch,
                        roundsPerEpoch, logs.get("loss"), 1000 * logs.get("seconds"));
                text.flush();
            }

            @Override
            public void onEpoch(EpochLogs logs) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d: loss %.4f, accuracy %.4f", logs.epoch(), epochs,
                        logs.get("loss"), logs.get("accuracy")));
                if (logs.values().containsKey("val_accuracy")) {
                    line.append(String.format(Locale.ROOT, ", test loss %.4f, test accuracy %.4f", logs.get("val_loss"), logs.get("val_accuracy")));
                }
                line.append(String.format(Locale.ROOT, " (%.1f s, %.1f images/s)", logs.get("seconds"), logs.get("images_per_s")));
                text.println(line);
                text.flush();
            }
        };
    }

    private Map<String, Object> figures(SparkRun run, SparkData d, SavedModel begin, double seconds, SparkSession spark, int parts) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (d.test() != null) {
            f.put("test_accuracy", run.epochs().last().get("val_accuracy"));
            f.put("test_loss", run.epochs().last().get("val_loss"));
        }
        double trainSeconds = run.epochs().epochs().stream().mapToDouble(e -> e.get("seconds")).sum();
        f.put("epochs", run.epochs().epochs().size());
        f.put("rounds", run.rounds().epochs().size());
        f.put("train_images_per_s", (double) d.train().size() * run.epochs().epochs().size() / trainSeconds);
        f.put("train_seconds", trainSeconds);
        f.put("compute_seconds", run.epochs().epochs().stream().mapToDouble(e -> e.get("compute_seconds")).sum());
        f.put("seconds", seconds);
        f.put("master", spark.sparkContext().master());
        f.put("partitions", parts);
        f.put("spark_version", spark.version());
        f.put("history", run.epochs().toCsv());
        return f;
    }
}
