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
 * the samples and logged (with a {@code val_} twin). A loss that stops being finite ends training with
 * a message naming epoch and batch.
 */
public record Trainer(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
    public Trainer {
        metrics = List.copyOf(metrics);
    }

    public Trainer(Model model, Optimizer optimizer, Loss loss) {
        this(model, optimizer, loss, List.of());
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
        model.build(train.sampleShape());
        TrainingState resume = options.resume();
        History history = resume == null ? new History() : restore(resume);
        TrainingListener listener = options.listeners();
        listener.onFitStart(model);
        if (resume != null) listener.onResume(resume.toHistory());
        int first = history.epochs().size() + 1;
        for (int epoch = first; epoch <= options.epochs() && !listener.stopRequested(); epoch++) {
            optimizer.startEpoch(history.figures());
            Pass pass = trainEpoch(train, options, listener, epoch);
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
    private Pass trainEpoch(BatchSource train, FitOptions options, TrainingListener listener, int epoch) {
        List<ParameterGroup> groups = model.parameterGroups();
        if (groups.isEmpty()) throw new IllegalStateException("every layer of model " + model.name() + " is frozen: nothing to train");
        Iterable<Batch> batches = train.epoch(epoch);
        int count = train.batchCount();
        listener.onEpochStart(epoch, options.epochs(), count);
        long start = System.nanoTime(), images = 0, correct = 0;
        double lossSum = 0;
        double[] metricSums = new double[metrics.size()];
        int b = 0;
        for (Batch batch : batches) {
            b++;
            // The step's activations and gradients come from the workspace and go back to it at the end.
            try (var step = Workspace.open()) {
                for (ParameterGroup g : groups) g.parameters().forEach(Tensor::zeroGrad);
                Tensor out = model.forward(batch.x(), true);
                Tensor l = loss.compute(out, batch.y());
                double value = l.item();
                if (!Double.isFinite(value)) throw diverged(epoch, b, batch, value);
                l.backward();
                optimizer.stepGroups(groups);
                images += batch.size();
                lossSum += value * batch.size();
                correct += loss.correct(out, batch.y());
                for (int m = 0; m < metricSums.length; m++) metricSums[m] += metrics.get(m).sum(out, batch.y());
            }
            listener.onBatchEnd(b, Math.max(b, count), lossSum / images, (double) correct / images, images, (System.nanoTime() - start) / 1e9);
        }
        return new Pass(lossSum / images, (double) correct / images, means(metricSums, images), images, (System.nanoTime() - start) / 1e9);
    }

    public Evaluation evaluate(Dataset data, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        double[] metricSums = new double[metrics.size()];
        int n = 0;
        try (var scope = Autograd.noGrad()) {
            for (Batch batch : Batches.inOrder(data, batchSize)) {
                try (var step = Workspace.open()) {
                    Tensor out = model.forward(batch.x(), false);
                    lossSum += loss.compute(out, batch.y()).item() * batch.size();
                    correct += loss.correct(out, batch.y());
                    for (int m = 0; m < metricSums.length; m++) metricSums[m] += metrics.get(m).sum(out, batch.y());
                    n += batch.size();
                }
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n, n, means(metricSums, n));
    }

    /** Each metric's sum divided by the sample count, by metric name in compile order. */
    private Map<String, Double> means(double[] sums, long samples) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) m.put(metrics.get(i).name(), samples == 0 ? Double.NaN : sums[i] / samples);
        return m;
    }

    private static TrainingException diverged(int epoch, int batch, Batch b, double value) {
        float[] x = b.x().data();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                return new TrainingException("epoch " + epoch + ", batch " + batch + ": the input holds " + x[i]
                        + " (sample " + i / (x.length / b.size()) + " of the batch); clean the data");
            }
        }
        return new TrainingException("epoch " + epoch + ", batch " + batch + ": the loss became " + value
                + " (diverged; try a lower learning rate)");
    }
}
