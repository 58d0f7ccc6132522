package dev.beak.nn.train;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Batch;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.nn.layer.RandomStream;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Metric;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.ParameterGroup;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The training loop behind {@code Model.fit}: per epoch, the optimizer's schedule sets the learning
 * rate; shuffled batches (seeded), forward in training mode, loss, backward, optimizer step over the
 * trainable parameters (frozen layers are left out; each group at its learning-rate multiplier); then
 * validation in evaluation mode without gradients. Listeners see every batch and epoch and may stop
 * training between epochs. Besides loss and accuracy, each compiled {@link Metric} is averaged over
 * the samples and logged (with a {@code val_} twin). A loss that stops being finite or explodes (10^4
 * times the first batch's, and above 10^4), or a gradient that is not finite, ends training with a
 * message naming epoch, batch and the layer where values first went wrong ({@link NonFinite}); with
 * {@link NonFinite.Policy#SKIP_BATCH} such a batch is left out instead (counted as {@code skipped_batches}).
 * Evaluation fails the same way when its loss is not finite.
 */
public record Trainer(Model model, Optimizer optimizer, List<Loss> losses, List<Metric> metrics) {
    public Trainer {
        losses = List.copyOf(losses);
        metrics = List.copyOf(metrics);
        if (losses.isEmpty()) throw new IllegalArgumentException("compile needs at least one loss");
    }

    public Trainer(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this(model, optimizer, List.of(loss), metrics);
    }

    public Trainer(Model model, Optimizer optimizer, Loss loss) {
        this(model, optimizer, loss, List.of());
    }

    private OutputLosses scoring(int targets) {
        return new OutputLosses(model, losses, metrics, targets);
    }

    public History fit(Dataset train, FitOptions options) {
        if (train.size() == 0) throw new IllegalArgumentException("the training data is empty");
        return fit(Batches.shuffled(train, options.batchSize(), options.seed(), 0), options);
    }

    /**
     * Trains on the batches of {@code train} (for example a background loader); its batching wins over
     * the options'. With {@link FitOptions#resumeFrom} the optimizer state, random streams and history
     * are restored first and training continues with the next epoch.
     */
    public History fit(BatchSource train, FitOptions options) {
        if (train.batchCount() == 0) throw new IllegalArgumentException("the training data has no batches");
        model.build(train.sampleShapes());
        TrainingState resume = options.resume();
        History history = resume == null ? new History() : restore(resume);
        TrainingListener listener = options.listeners();
        listener.onFitStart(model);
        if (resume != null) listener.onResume(resume.toHistory());
        int first = history.epochs().size() + 1;
        double[] firstLoss = {Double.NaN};   // the first finite batch loss of this fit: the scale of an explosion
        for (int epoch = first; epoch <= options.epochs() && !listener.stopRequested(); epoch++) {
            optimizer.startEpoch(history.figures());
            Pass pass = trainEpoch(train, options, listener, epoch, firstLoss);
            Evaluation validation = options.validation() == null ? null : evaluate(options.validation(), options.batchSize());
            EpochLogs logs = logs(epoch, pass, validation);
            history.add(logs);
            listener.onEpochEnd(logs);
            listener.onCheckpoint(new StateSnapshot(() -> snapshot(history, options.seed())));
        }
        listener.onFitEnd(history);
        return history;
    }

    /** The state after the epochs in {@code history}; it shares the optimizer's buffers. */
    private TrainingState snapshot(History history, long seed) {
        Map<String, RandomStream.Position> streams = new LinkedHashMap<>();
        model.randomStreams().forEach((name, s) -> streams.put(name, s.position()));
        return new TrainingState(history.epochs().size(), 0, seed, history.epochs(), optimizer.saveState(model.parameters()), streams);
    }

    /** Loads the optimizer state and stream positions of {@code state} and returns its history. */
    private History restore(TrainingState state) {
        try {
            optimizer.loadState(state.optimizer(), model.parameters());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot resume model " + model.name() + ": " + e.getMessage(), e);
        }
        Map<String, RandomStream> streams = model.randomStreams();
        if (!streams.keySet().equals(state.randomStreams().keySet())) {
            throw new IllegalArgumentException("cannot resume model " + model.name() + ": the state has random streams "
                    + state.randomStreams().keySet() + " but the model has " + streams.keySet());
        }
        streams.forEach((name, s) -> s.seek(state.randomStreams().get(name)));
        return state.toHistory();
    }

    /** Builds the state on the first {@code get} and hands out that one afterwards. */
    private static final class StateSnapshot implements Supplier<TrainingState> {
        private final Supplier<TrainingState> build;
        private TrainingState state;

        StateSnapshot(Supplier<TrainingState> build) {
            this.build = build;
        }

        @Override
        public TrainingState get() {
            if (state == null) state = build.get();
            return state;
        }
    }

    /** The figures of one pass over the training data. */
    private record Pass(double loss, double accuracy, Map<String, Double> metrics, long images, double seconds) {}

    /** Loss, accuracy, metrics, their validation twins, time, throughput and learning rate, in that order. */
    private EpochLogs logs(int epoch, Pass pass, Evaluation validation) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", pass.loss());
        values.put("accuracy", pass.accuracy());
        values.putAll(pass.metrics());
        if (validation != null) {
            values.put("val_loss", validation.loss());
            values.put("val_accuracy", validation.accuracy());
            validation.metrics().forEach((k, v) -> values.put("val_" + k, v));
        }
        values.put("seconds", pass.seconds());
        values.put("images_per_s", pass.images() / pass.seconds());
        values.put("learning_rate", optimizer.learningRate());
        return new EpochLogs(epoch, values);
    }

    /** One pass over shuffled batches, updating the trainable parameters after each. */
    private Pass trainEpoch(BatchSource train, FitOptions options, TrainingListener listener, int epoch, double[] firstLoss) {
        List<ParameterGroup> groups = model.parameterGroups();
        if (groups.isEmpty()) throw new IllegalStateException("every layer of model " + model.name() + " is frozen: nothing to train");
        Iterable<Batch> batches = train.epoch(epoch);
        int count = train.batchCount();
        listener.onEpochStart(epoch, options.epochs(), count);
        long start = System.nanoTime(), images = 0;
        OutputLosses scoring = scoring(train.targetCount());
        double lossSum = 0;
        double[] correct = new double[scoring.outputs()], lossSums = new double[correct.length];
        double[] metricSums = new double[correct.length * metrics.size()];
        int b = 0, skipped = 0;
        for (Batch batch : batches) {
            b++;
            // The step's activations and gradients come from the workspace and go back to it at the end.
            try (var step = Workspace.open()) {
                for (ParameterGroup g : groups) g.parameters().forEach(Tensor::zeroGrad);
                OutputLosses.Scores s = scoring.score(batch, true);
                double value = s.loss();
                if (Double.isNaN(firstLoss[0]) && Double.isFinite(value)) firstLoss[0] = value;
                String problem = !Double.isFinite(value) ? "the loss became " + value
                        : value > EXPLODED * Math.max(1, firstLoss[0]) ? String.format(java.util.Locale.ROOT,
                        "the loss exploded to %.3g (the first batch's was %.3g)", value, firstLoss[0]) : null;
                if (problem == null) {
                    s.total().backward();
                    problem = NonFinite.firstBadGradient(model);
                }
                if (problem != null) {
                    if (options.onNonFinite() == NonFinite.Policy.STOP) throw diverged(epoch, b, batch, problem);
                    skipped++;
                    continue;
                }
                optimizer.stepGroups(groups);
                images += batch.size();
                lossSum += s.loss() * batch.size();
                add(correct, s.correct(), 1);
                add(lossSums, s.outputLosses(), batch.size());
                add(metricSums, s.metricSums(), 1);
            }
            listener.onBatchEnd(b, Math.max(b, count), lossSum / images, scoring.accuracy(correct, images), images, (System.nanoTime() - start) / 1e9);
        }
        if (images == 0) {
            throw new TrainingException("epoch " + epoch + ": every one of its " + b + " batches had a non-finite or exploding loss or"
                    + " gradient and was skipped (try a lower learning rate)");
        }
        Map<String, Double> figures = scoring.figures(correct, lossSums, metricSums, images);
        if (options.onNonFinite() == NonFinite.Policy.SKIP_BATCH) figures.put("skipped_batches", (double) skipped);
        return new Pass(lossSum / images, scoring.accuracy(correct, images), figures, images, (System.nanoTime() - start) / 1e9);
    }

    private static void add(double[] sums, double[] values, double weight) {
        for (int i = 0; i < sums.length; i++) sums[i] += values[i] * weight;
    }

    /** A loss this many times the first batch's (and at least this large) counts as diverged. */
    private static final double EXPLODED = 1e4;

    public Evaluation evaluate(Dataset data, int batchSize) {
        return evaluate(data, batchSize, EvaluationListener.NONE);
    }

    /** Mean loss, accuracy and metrics over {@code data} in evaluation mode; {@code listener} hears of every batch. */
    public Evaluation evaluate(Dataset data, int batchSize, EvaluationListener listener) {
        OutputLosses scoring = scoring(data.labelShapes().length);
        double lossSum = 0;
        double[] correct = new double[scoring.outputs()], lossSums = new double[correct.length];
        double[] metricSums = new double[correct.length * metrics.size()];
        Batches inOrder = Batches.inOrder(data, batchSize);
        int n = 0, b = 0;
        long start = System.nanoTime();
        try (var scope = Autograd.noGrad()) {
            for (Batch batch : inOrder) {
                try (var step = Workspace.open()) {
                    OutputLosses.Scores s = scoring.score(batch, false);
                    if (!Double.isFinite(s.loss())) {
                        throw new TrainingException("evaluation, samples " + n + " to " + (n + batch.size() - 1) + ": the loss is " + s.loss()
                                + "; " + NonFinite.locate(model, false, batch.inputs().toArray(Tensor[]::new)));
                    }
                    lossSum += s.loss() * batch.size();
                    add(correct, s.correct(), 1);
                    add(lossSums, s.outputLosses(), batch.size());
                    add(metricSums, s.metricSums(), 1);
                    n += batch.size();
                }
                listener.onBatchEnd(++b, inOrder.batchCount(), n, (System.nanoTime() - start) / 1e9);
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : scoring.accuracy(correct, n), n,
                scoring.figures(correct, lossSums, metricSums, n));
    }

    private TrainingException diverged(int epoch, int batch, Batch b, String problem) {
        for (int k = 0; k < b.inputs().size(); k++) {
            float[] x = b.inputs().get(k).data();
            for (int i = 0; i < x.length; i++) {
                if (!Float.isFinite(x[i])) {
                    return new TrainingException("epoch " + epoch + ", batch " + batch + ": " + (b.inputs().size() == 1 ? "the input" : "input " + k)
                            + " holds " + x[i] + " (sample " + i / (x.length / b.size()) + " of the batch); clean the data");
                }
            }
        }
        return new TrainingException("epoch " + epoch + ", batch " + batch + ": " + problem + " (diverged; try a lower learning rate"
                + " or --on-nan skip-batch); " + NonFinite.locate(model, true, b.inputs().toArray(Tensor[]::new)));
    }
}
