package dev.beak.cli;

import dev.beak.nn.train.ProgressBar;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Dataset;
import dev.beak.io.CheckpointFile;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.layer.Dense;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.MemoryPlan;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.NonFinite;
import dev.beak.nn.train.CheckpointWriter;
import dev.beak.nn.train.CsvLogger;
import dev.beak.nn.train.EarlyStopping;
import dev.beak.nn.train.History;
import dev.beak.nn.train.ModelCheckpoint;
import dev.beak.nn.train.TrainingListener;
import dev.beak.nn.train.TrainingState;
import dev.beak.tensor.Shape;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared by {@code beak demo} and {@code beak train}: fit with the test split as validation data,
 * evaluate, save the model file and the history CSV next to it (both written atomically), report.
 */
final class TrainingRun {
    enum OptimizerKind { adam, sgd }

    private TrainingRun() {}

    /** The optimizer with an exponential learning-rate decay per epoch ({@code lrDecay} 1 keeps it constant). */
    static Optimizer optimizer(OptimizerKind kind, double lr, double momentum, double lrDecay) {
        LearningRateSchedule schedule = lrDecay == 1 ? LearningRateSchedule.constant() : LearningRateSchedule.exponential(lrDecay);
        return kind == OptimizerKind.adam ? new Adam(lr).schedule(schedule) : new Sgd(lr, momentum).schedule(schedule);
    }

    /** What to train on: training batches and their image count, and the test split. */
    record Data(BatchSource train, int trainSize, Dataset test) {}

    /**
     * How to train: the optimizer (and how to print it), its decay per epoch, epochs in all, batch size, seed, model file;
     * the loss (null: the model file's, else cross-entropy), the early-stopping patience on val_loss (null: none) and
     * what to do when values stop being finite.
     */
    record Plan(Optimizer optimizer, String optimizerText, double lrDecay, int epochs, int batchSize, long seed, Path out,
                Loss loss, Integer earlyStopping, NonFinite.Policy onNan) {
        Plan(Optimizer optimizer, String optimizerText, double lrDecay, int epochs, int batchSize, long seed, Path out,
             Loss loss, Integer earlyStopping) {
            this(optimizer, optimizerText, lrDecay, epochs, batchSize, seed, out, loss, earlyStopping, NonFinite.Policy.STOP);
        }

        Plan(Optimizer optimizer, String optimizerText, double lrDecay, int epochs, int batchSize, long seed, Path out) {
            this(optimizer, optimizerText, lrDecay, epochs, batchSize, seed, out, null, null);
        }

        /** The same plan with {@code --on-nan stop|skip-batch}. */
        Plan onNan(String policy) {
            NonFinite.Policy p = switch (policy) {
                case "stop" -> NonFinite.Policy.STOP;
                case "skip-batch" -> NonFinite.Policy.SKIP_BATCH;
                default -> throw new IllegalArgumentException("--on-nan must be stop or skip-batch, got \"" + policy + "\"");
            };
            return new Plan(optimizer, optimizerText, lrDecay, epochs, batchSize, seed, out, loss, earlyStopping, p);
        }
    }

    /**
     * A checkpoint at the end of every epoch into {@code dir} (none when null), keeping the newest {@code keep},
     * with {@code settings} saved in each; and the state to resume from, or null.
     */
    record Checkpoints(Path dir, int keep, Map<String, Object> settings, TrainingState resume) {
        static final Checkpoints NONE = new Checkpoints(null, 0, Map.of(), null);
    }

    /** The file name pattern of the checkpoints in a checkpoint folder. */
    static final String CHECKPOINT_NAME = "ckpt-{epoch}.beak";

    /**
     * Fits with the test split as validation data (the history CSV rewritten after every epoch, and a checkpoint
     * when asked), evaluates, saves the model file; returns the JSON figures. {@code begin} holds the model and
     * what its file will carry: preprocessing, class names, input geometry, and the loss and metrics to compile
     * with (cross-entropy alone when it has none).
     */
    static Map<String, Object> run(SavedModel begin, Data data, Plan plan, Checkpoints checkpoints, PrintWriter stdout, PrintWriter stderr) throws Exception {
        return run(begin, data, plan, checkpoints, TrainingListener.NONE, stdout, stderr);
    }

    /** As above, with {@code monitor} (the live page, TensorBoard) following the fit. */
    static Map<String, Object> run(SavedModel begin, Data data, Plan plan, Checkpoints checkpoints, TrainingListener monitor,
                                   PrintWriter stdout, PrintWriter stderr) throws Exception {
        Model model = begin.model();
        checkInput(model, data.train().sampleShape(), "training");
        checkInput(model, data.test(), "test");
        checkClasses(model, data.test());
        stdout.printf(Locale.ROOT, "Training %s (%,d parameters) on %,d images, testing on %,d; %s%s, batch %d, %d epochs%n",
                model.name(), model.parameterCount(), data.trainSize(), data.test().size(), plan.optimizerText(),
                plan.lrDecay() == 1 ? "" : " (x" + plan.lrDecay() + " per epoch)", plan.batchSize(), plan.epochs());
        CompileConfig stored = begin.compileConfig() != null ? begin.compileConfig() : CompileConfig.crossEntropy();
        // Cross-entropy on probabilities for a model that ends in a softmax (an ONNX or Keras import), else as asked.
        CompileConfig compile = new CompileConfig(plan.loss() != null ? plan.loss() : stored.loss(), stored.metrics()).fittedTo(model, data.test());
        model.compile(plan.optimizer(), compile.loss(), compile.metrics().toArray(Metric[]::new));
        MemoryPlan.checkTrainingBatch(model, data.train().sampleShape(), plan.batchSize(), "--batch-size");
        Path csv = historyPath(plan.out());
        FitOptions options = FitOptions.epochs(plan.epochs()).batchSize(plan.batchSize()).validation(data.test()).seed(plan.seed()).verbose(0)
                .onNonFinite(plan.onNan()).listener(new ProgressBar(stdout, stderr, ProgressBar.isTerminal())).callbacks(CsvLogger.to(csv), monitor);
        if (checkpoints.dir() != null) {
            CheckpointWriter writer = CheckpointFile.writer(m -> withModel(begin, m, Map.of()), checkpoints.settings());
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

        stdout.printf(Locale.ROOT, "Test accuracy %.4f (%,d of %,d), test loss %.4f%n",
                eval.accuracy(), Math.round(eval.accuracy() * eval.samples()), eval.samples(), eval.loss());
        stdout.printf(Locale.ROOT, "Trained in %s at %.1f images/s; model saved to %s, history to %s%n",
                ProgressBar.clock(trainSeconds), imagesPerS, plan.out(), csv);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("test_accuracy", eval.accuracy());
        json.put("test_loss", eval.loss());
        json.put("epochs", history.epochs().size());
        json.put("train_images_per_s", imagesPerS);
        json.put("train_seconds", trainSeconds);
        json.put("model", plan.out().toString());
        json.put("history", csv.toString());
        if (checkpoints.dir() != null) json.put("checkpoints", checkpoints.dir().toString());
        return json;
    }

    /** What {@code begin}'s file carries, for {@code model} with {@code metadata} (the loss and metrics come from the model's compile). */
    private static SavedModel withModel(SavedModel begin, Model model, Map<String, String> metadata) {
        Map<String, String> all = new LinkedHashMap<>(begin.metadata()); // e.g. the validation split, for evaluate
        all.putAll(metadata);
        return new SavedModel(model, all, begin.preprocessing(), begin.classNames(), begin.inputGeometry(), null);
    }

    /** {@code runs/mnist.beak} -> {@code runs/mnist.history.csv}. */
    static Path historyPath(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".history.csv");
    }

    /** How many classes labelled data holds: the width of one-hot labels, else the largest class index + 1. */
    static int classCount(Dataset data) {
        int[] ls = data.labelShape();
        if (ls.length == 1 && ls[0] > 1) return ls[0];
        float[] y = new float[Shape.size(ls)], x = new float[Shape.size(data.sampleShape())];
        int max = 0;
        for (int i = 0; i < data.size(); i++) {
            data.copy(i, x, 0, y, 0);
            max = Math.max(max, (int) y[0]);
        }
        return max + 1;
    }

    /** Where a classifier's base ends by default: the layer feeding its last dense layer (else the output layer's input). */
    static String defaultCut(Model model) {
        List<GraphNode> nodes = model.nodes();
        int at = model.outputs()[0];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).spec() instanceof Dense) {
                at = i;
                break;
            }
        }
        int[] in = nodes.get(at).inputs();
        if (in.length != 1 || in[0] < 0) throw new IllegalArgumentException("model " + model.name() + ": give --cut LAYER, one of " + model.layerNames());
        return nodes.get(in[0]).name();
    }

    /** Fails, with the way out, when the data has more classes than the model has outputs. */
    static void checkClasses(Model model, Dataset data) {
        int[] out = model.outputShape();
        if (out.length != 1 || data.labelShape().length > 1 || (data.labelShape().length == 1 && data.labelShape()[0] > 1)) return;
        int classes = classCount(data);
        if (classes > out[0]) {
            throw new IllegalArgumentException("the data has " + classes + " classes but model " + model.name() + " has " + out[0]
                    + " outputs; to put a new classifier on its base: beak train --base MODEL [--cut LAYER] --head SPEC");
        }
    }

    static void checkInput(Model model, Dataset data, String what) {
        checkInput(model, data.sampleShape(), what);
    }

    static void checkInput(Model model, int[] got, String what) {
        int[] expected = model.inputShape();
        if (expected != null && !Arrays.equals(expected, got)) {
            throw new IllegalArgumentException("the " + what + " images are " + Shape.toString(got) + " but model " + model.name()
                    + " takes " + Shape.toString(expected) + " (channels, height, width)");
        }
    }
}
