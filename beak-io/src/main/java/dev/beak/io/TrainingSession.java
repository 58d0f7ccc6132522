package dev.beak.io;

import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Dataset;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.MemoryPlan;
import dev.beak.nn.Model;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.train.CsvLogger;
import dev.beak.nn.train.EarlyStopping;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.nn.train.ModelCheckpoint;
import dev.beak.nn.train.NonFinite;
import dev.beak.nn.train.TrainingChecks;
import dev.beak.nn.train.TrainingListener;
import dev.beak.nn.train.TrainingState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One training run as {@code beak train} and {@code beak demo} make it: fit with the test split as
 * validation data (the history CSV beside the model file rewritten after every epoch, a full checkpoint
 * per epoch when asked, early stopping on val_loss when asked), evaluate on the test split, and save the
 * model file with everything its start carried (preprocessing, class names, input geometry, validation
 * split) plus the test accuracy and epochs. Both files are written atomically.
 *
 * {@snippet :
 * TrainingSession session = TrainingSession.prepare(new SavedModel(model, Map.of()),
 *         new TrainingSession.Data(loader, trainSize, test), TrainingSession.Plan.of(new Adam(1e-3), 10, 64, 1, Path.of("runs/m.beak")),
 *         TrainingSession.Checkpoints.NONE);
 * TrainingSession.Result r = session.run(new ProgressBar(out, err, ProgressBar.isTerminal()));
 * }
 */
public final class TrainingSession {
    /** The file name pattern of the checkpoints in a checkpoint folder. */
    public static final String CHECKPOINT_NAME = "ckpt-{epoch}.beak";

    /** What to train on: training batches and their sample count, and the test split (validation during the fit). */
    public record Data(BatchSource train, int trainSize, Dataset test) {
        public Data {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }
    }

    /**
     * How to train: the optimizer, epochs in all, batch size, seed, the model file to write; the loss (null: the
     * one the model file was compiled with, else cross-entropy), the early-stopping patience on val_loss (null:
     * none) and what to do when values stop being finite.
     */
    public record Plan(Optimizer optimizer, int epochs, int batchSize, long seed, Path out, Loss loss, Integer earlyStopping,
                       NonFinite.Policy onNonFinite) {
        public Plan {
            Objects.requireNonNull(optimizer, "optimizer");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(onNonFinite, "onNonFinite");
        }

        /** The stored or default loss, no early stopping, stop on non-finite values. */
        public static Plan of(Optimizer optimizer, int epochs, int batchSize, long seed, Path out) {
            return new Plan(optimizer, epochs, batchSize, seed, out, null, null, NonFinite.Policy.STOP);
        }

        public Plan withLoss(Loss l) {
            return new Plan(optimizer, epochs, batchSize, seed, out, l, earlyStopping, onNonFinite);
        }

        /** Stops when val_loss has not improved for {@code patience} epochs (null: never) and keeps the best weights. */
        public Plan withEarlyStopping(Integer patience) {
            return new Plan(optimizer, epochs, batchSize, seed, out, loss, patience, onNonFinite);
        }

        public Plan withOnNonFinite(NonFinite.Policy p) {
            return new Plan(optimizer, epochs, batchSize, seed, out, loss, earlyStopping, p);
        }

        public Plan withEpochs(int e) {
            return new Plan(optimizer, e, batchSize, seed, out, loss, earlyStopping, onNonFinite);
        }
    }

    /**
     * A checkpoint at the end of every epoch into {@code dir} (none when null), keeping the newest {@code keep}
     * (0: all), with {@code settings} saved in each; and the state to resume from, or null.
     */
    public record Checkpoints(Path dir, int keep, Map<String, Object> settings, TrainingState resume) {
        public static final Checkpoints NONE = new Checkpoints(null, 0, Map.of(), null);

        public Checkpoints {
            settings = Map.copyOf(settings);
        }
    }

    /** What the run gave: the test figures, epochs run, speed, and the files written. */
    public record Result(double testAccuracy, double testLoss, int testSamples, int epochs, double imagesPerSecond, double trainSeconds,
                         Path model, Path history, Path checkpoints) {
        /** The figures as {@code beak train --json} prints them. */
        public Map<String, Object> figures() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("test_accuracy", testAccuracy);
            json.put("test_loss", testLoss);
            json.put("epochs", epochs);
            json.put("train_images_per_s", imagesPerSecond);
            json.put("train_seconds", trainSeconds);
            json.put("model", model.toString());
            json.put("history", history.toString());
            if (checkpoints != null) json.put("checkpoints", checkpoints.toString());
            return json;
        }
    }

    private final SavedModel begin;
    private final Data data;
    private final Plan plan;
    private final Checkpoints checkpoints;

    private TrainingSession(SavedModel begin, Data data, Plan plan, Checkpoints checkpoints) {
        this.begin = begin;
        this.data = data;
        this.plan = plan;
        this.checkpoints = checkpoints;
    }

    /**
     * Checks that the data fits {@code begin}'s model (input shape, no more classes than outputs) and compiles
     * it with the plan's optimizer and loss and the metrics the model file stores. {@code begin} holds the
     * model and what its file will carry.
     */
    public static TrainingSession prepare(SavedModel begin, Data data, Plan plan, Checkpoints checkpoints) {
        Model model = begin.model();
        TrainingChecks.checkInput(model, data.train().sampleShape(), "training");
        TrainingChecks.checkInput(model, data.test().sampleShape(), "test");
        TrainingChecks.checkClasses(model, data.test());
        CompileConfig stored = begin.compileConfig() != null ? begin.compileConfig() : CompileConfig.crossEntropy();
        // Cross-entropy on probabilities for a model that ends in a softmax (an ONNX or Keras import), else as asked.
        CompileConfig compile = new CompileConfig(plan.loss() != null ? plan.loss() : stored.loss(), stored.metrics()).fittedTo(model, data.test());
        model.compile(plan.optimizer(), compile.loss(), compile.metrics().toArray(Metric[]::new));
        return new TrainingSession(begin, data, plan, checkpoints);
    }

    public Model model() {
        return begin.model();
    }

    /** Fits with {@code listeners} following (a progress bar, a live page), evaluates, saves the model file. */
    public Result run(TrainingListener... listeners) throws IOException {
        Model model = begin.model();
        MemoryPlan.checkTrainingBatch(model, data.train().sampleShape(), plan.batchSize(), "batch size");
        Path csv = historyPath(plan.out());
        FitOptions options = FitOptions.epochs(plan.epochs()).batchSize(plan.batchSize()).validation(data.test()).seed(plan.seed()).verbose(0)
                .onNonFinite(plan.onNonFinite()).callbacks(CsvLogger.to(csv)).callbacks(listeners);
        if (checkpoints.dir() != null) {
            var writer = CheckpointFile.writer(m -> withModel(begin, m, Map.of()), checkpoints.settings());
            options = options.callbacks(ModelCheckpoint.full(checkpoints.dir().resolve(CHECKPOINT_NAME), writer).keeping(checkpoints.keep()));
        }
        if (plan.earlyStopping() != null) options = options.callbacks(EarlyStopping.on("val_loss", plan.earlyStopping()).restoringBestWeights());
        if (checkpoints.resume() != null) options = options.resumeFrom(checkpoints.resume());
        long start = System.nanoTime();
        History history = model.fit(data.train(), options);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Evaluation eval = model.evaluate(data.test(), MemoryPlan.evaluationBatch(model, data.train().sampleShape(), 256));
        double imagesPerS = Arrays.stream(history.values("images_per_s")).average().orElse(Double.NaN);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("test_accuracy", Double.toString(eval.accuracy()));
        meta.put("epochs", Integer.toString(history.epochs().size()));
        ModelFile.save(withModel(begin, model, meta), plan.out());
        return new Result(eval.accuracy(), eval.loss(), eval.samples(), history.epochs().size(), imagesPerS, trainSeconds, plan.out(), csv,
                checkpoints.dir());
    }

    /** {@code runs/mnist.beak} -> {@code runs/mnist.history.csv}: where a run keeps its history beside the model file. */
    public static Path historyPath(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".history.csv");
    }

    /** What {@code begin}'s file carries, for {@code model} with {@code metadata} added (the loss and metrics come from the model's compile). */
    private static SavedModel withModel(SavedModel begin, Model model, Map<String, String> metadata) {
        Map<String, String> all = new LinkedHashMap<>(begin.metadata()); // e.g. the validation split, for evaluate
        all.putAll(metadata);
        return new SavedModel(model, all, begin.preprocessing(), begin.classNames(), begin.inputGeometry(), null);
    }
}
