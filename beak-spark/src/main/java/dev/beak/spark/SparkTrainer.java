package dev.beak.spark;

import dev.beak.dataset.Batches;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.CheckpointFile;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.loss.Losses;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.ParameterGroup;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.Evaluation;
import dev.beak.nn.train.History;
import dev.beak.nn.train.Trainer;
import dev.beak.nn.train.TrainingException;
import dev.beak.nn.train.TrainingState;
import dev.beak.nn.layer.RandomStream;
import dev.beak.tensor.Tensor;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synchronous data-parallel training on Spark. The model (architecture, preprocessing, loss) is
 * broadcast once; then every round the driver broadcasts the state and the round's global batch (the
 * batch a single-process {@code Model.fit} with the same seed and batch size would take), each
 * partition computes the summed gradient of its members of that batch ({@link ShardStep}),
 * {@code treeAggregate} adds them up, and the driver divides by the batch size and applies the
 * optimizer to its own model, so the optimizer's state (Adam's moments) lives on the driver only.
 * With a model without dropout or batch norm the result equals single-process training up to float
 * rounding (the order of the sums differs). Dropout draws per partition from the round's seed; batch
 * norm normalises each shard by its own statistics and averages the running statistics, weighted by
 * shard size. Spark's task retry is safe: a task reads only the round's broadcasts and its cached block.
 *
 * {@snippet :
 * TrainingData data = TrainingData.load(sc, new SampleSource.EmbeddedMnistSplit("train"), 2);
 * SparkRun run = new SparkTrainer(sc, new Adam(1e-3)).fit(new SavedModel(model.compile(opt, loss), Map.of()), data,
 *         SparkFitOptions.of(2, 64, 42));
 * }
 */
public final class SparkTrainer {
    private final JavaSparkContext sc;
    private final Optimizer optimizer;

    public SparkTrainer(JavaSparkContext sc, Optimizer optimizer) {
        this.sc = sc;
        this.optimizer = optimizer;
    }

    /**
     * Trains {@code start.model()} in place (its preprocessing is applied to every shard; it must carry a
     * compile config with a built-in loss) and returns the figures per epoch and per round.
     */
    public SparkRun fit(SavedModel start, TrainingData data, SparkFitOptions options) {
        Model model = start.model();
        if (start.compileConfig() == null) throw new IllegalArgumentException("model " + model.name() + " has no loss: compile it before training on Spark");
        Map<String, Object> lossConfig = Losses.config(start.compileConfig().loss()).orElseThrow(() -> new IllegalArgumentException(
                "loss " + start.compileConfig().loss().name() + " is not a built-in loss; executors rebuild the loss from the model file"));
        boolean summed = "sum".equals(lossConfig.get("reduction"));
        model.build(data.sampleShape());
        List<ParameterGroup> groups = model.parameterGroups();
        if (groups.isEmpty()) throw new IllegalStateException("every layer of model " + model.name() + " is frozen: nothing to train");
        History epochs = options.resume() == null ? new History() : restore(model, options.resume());
        History rounds = new History();
        Broadcast<byte[]> shipped = sc.broadcast(ModelBytes.of(start));
        TensorDataset validation = options.validation() == null ? null : start.preprocessing().applyTo(options.validation());
        Trainer evaluator = new Trainer(model, optimizer, start.compileConfig().loss(), start.compileConfig().metrics());
        int perEpoch = (data.size() + options.batchSize() - 1) / options.batchSize();
        int round = epochs.epochs().size() * perEpoch;
        try {
            for (int epoch = epochs.epochs().size() + 1; epoch <= options.epochs(); epoch++) {
                optimizer.startEpoch(epochs.figures());
                long start0 = System.nanoTime();
                int[] order = Batches.order(data.size(), options.seed(), epoch);
                double lossSum = 0, compute = 0;
                long correct = 0;
                for (int from = 0; from < order.length; from += options.batchSize()) {
                    long t0 = System.nanoTime();
                    int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + options.batchSize()));
                    ShardGradients g = round(shipped, data, new Round(++round, state(model), batch, options.seed()), summed, options);
                    if (g.samples != batch.length) {
                        throw new IllegalStateException("round " + round + ": the partitions computed " + g.samples + " of the batch's " + batch.length
                                + " samples (the cached blocks no longer match the data?)");
                    }
                    double loss = summed ? g.lossSum : g.lossSum / batch.length;
                    if (!Double.isFinite(loss)) {
                        throw new TrainingException("epoch " + epoch + ", round " + round + ": the loss became " + loss + " (diverged; try a lower learning rate)");
                    }
                    apply(model, groups, g, summed ? 1f : 1f / batch.length);
                    lossSum += g.lossSum;
                    compute += g.computeSeconds;
                    correct += g.correct;
                    Map<String, Double> v = new LinkedHashMap<>();
                    v.put("epoch", (double) epoch);
                    v.put("loss", loss);
                    v.put("accuracy", (double) g.correct / batch.length);
                    v.put("samples", (double) batch.length);
                    v.put("seconds", (System.nanoTime() - t0) / 1e9);
                    v.put("compute_seconds", g.computeSeconds);
                    EpochLogs logs = new EpochLogs(round, v);
                    rounds.add(logs);
                    options.listener().onRound(logs, perEpoch);
                    if (options.checkpointDir() != null && options.checkpointEvery() > 0 && round % options.checkpointEvery() == 0) {
                        saveModel(start, options.checkpointDir().resolve(String.format("round-%06d.beak", round)), epoch, round);
                    }
                }
                double seconds = (System.nanoTime() - start0) / 1e9;
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("loss", lossSum / data.size());
                v.put("accuracy", (double) correct / data.size());
                if (validation != null) {
                    Evaluation e = evaluator.evaluate(validation, Math.max(options.batchSize(), 256));
                    v.put("val_loss", e.loss());
                    v.put("val_accuracy", e.accuracy());
                }
                v.put("seconds", seconds);
                v.put("compute_seconds", compute);
                v.put("images_per_s", data.size() / seconds);
                v.put("learning_rate", optimizer.learningRate());
                EpochLogs logs = new EpochLogs(epoch, v);
                epochs.add(logs);
                options.listener().onEpoch(logs);
                if (options.checkpointDir() != null) saveCheckpoint(start, epochs, options);
            }
        } finally {
            Replicas.forget(shipped);
            shipped.destroy();
        }
        return new SparkRun(epochs, rounds);
    }

    /** One round: broadcast, every partition's shard, the tree of sums. */
    private ShardGradients round(Broadcast<byte[]> shipped, TrainingData data, Round r, boolean summed, SparkFitOptions options) {
        Broadcast<Round> current = sc.broadcast(r);
        ShardHook hook = options.hook();
        try {
            return data.blocks()
                    .mapPartitionsWithIndex((p, blocks) -> ShardStep.run(p, blocks, shipped, current, summed, hook), true)
                    .treeAggregate(ShardGradients.empty(), ShardGradients::merge, ShardGradients::merge, options.aggregationDepth());
        } finally {
            current.destroy();
        }
    }

    /** The summed gradients times {@code scale} become the gradients; the optimizer steps; buffers take the shards' weighted mean. */
    private void apply(Model model, List<ParameterGroup> groups, ShardGradients g, float scale) {
        List<Tensor> trainable = List.copyOf(model.trainableParameters().values());
        for (int i = 0; i < trainable.size(); i++) {
            Tensor p = trainable.get(i);
            float[] sum = g.gradients == null ? null : g.gradients[i];
            if (sum == null) {
                p.clearGrad();
                continue;
            }
            float[] grad = p.gradBuffer();
            for (int j = 0; j < grad.length; j++) grad[j] = sum[j] * scale;
        }
        optimizer.stepGroups(groups);
        List<Tensor> buffers = List.copyOf(model.buffers().values());
        for (int i = 0; i < buffers.size(); i++) {
            float[] b = buffers.get(i).data(), sum = g.buffers[i];
            for (int j = 0; j < b.length; j++) b[j] = sum[j] / g.samples;
        }
    }

    /** The model's parameters and buffers, copied, in {@code Model.state()} order. */
    private static float[][] state(Model model) {
        return model.state().values().stream().map(t -> t.data().clone()).toArray(float[][]::new);
    }

    private History restore(Model model, TrainingState state) {
        try {
            optimizer.loadState(state.optimizer(), model.parameters());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot resume model " + model.name() + ": " + e.getMessage(), e);
        }
        return state.toHistory();
    }

    private void saveModel(SavedModel start, Path file, int epoch, int round) {
        Map<String, String> meta = new LinkedHashMap<>(start.metadata());
        meta.put("epoch", Integer.toString(epoch));
        meta.put("round", Integer.toString(round));
        try {
            Files.createDirectories(file.getParent());
            ModelFile.save(new SavedModel(start.model(), meta, start.preprocessing(), start.classNames(), start.inputGeometry(), start.compileConfig()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** An epoch-end checkpoint: model, optimizer state and history, resumable with {@link SparkFitOptions#resumeFrom}. */
    private void saveCheckpoint(SavedModel start, History epochs, SparkFitOptions options) {
        Model model = start.model();
        int done = epochs.epochs().size();
        Map<String, RandomStream.Position> streams = new LinkedHashMap<>();
        model.randomStreams().forEach((name, s) -> streams.put(name, s.position()));
        TrainingState state = new TrainingState(done, 0, options.seed(), epochs.epochs(), optimizer.saveState(model.parameters()), streams);
        Path file = options.checkpointDir().resolve(String.format("epoch-%03d.beak", done));
        try {
            Files.createDirectories(options.checkpointDir());
            CheckpointFile.save(start, state, Map.of("trainer", "spark", "batch_size", options.batchSize()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
