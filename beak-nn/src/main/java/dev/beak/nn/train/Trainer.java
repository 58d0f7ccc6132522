package dev.beak.nn.train;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Batch;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.metric.Accuracy;
import dev.beak.nn.optim.Optimizer;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training loop behind {@code Model.fit}: per epoch, shuffled batches (seeded), forward in
 * training mode, loss, backward, optimizer step; then validation in evaluation mode without
 * gradients. A loss that stops being finite ends training with a message naming epoch and batch.
 */
public record Trainer(Model model, Optimizer optimizer, Loss loss) {

    public History fit(Dataset train, FitOptions options) {
        if (train.size() == 0) throw new IllegalArgumentException("the training data is empty");
        model.build(train.sampleShape());
        Collection<Tensor> params = model.parameters().values();
        History history = new History();
        TrainingListener listener = options.listener();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            Batches batches = Batches.shuffled(train, options.batchSize(), options.seed(), epoch);
            listener.onEpochStart(epoch, options.epochs(), batches.count());
            long start = System.nanoTime(), images = 0, correct = 0;
            double lossSum = 0;
            int b = 0;
            for (Batch batch : batches) {
                b++;
                // The step's activations and gradients come from the workspace and go back to it at the end.
                try (var step = Workspace.open()) {
                    for (Tensor p : params) p.zeroGrad();
                    Tensor out = model.forward(batch.x(), true);
                    Tensor l = loss.compute(out, batch.y());
                    double value = l.item();
                    if (!Double.isFinite(value)) throw diverged(epoch, b, batch, value);
                    l.backward();
                    optimizer.step(params);
                    images += batch.size();
                    lossSum += value * batch.size();
                    correct += Accuracy.correct(out, batch.y());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                listener.onBatchEnd(b, batches.count(), lossSum / images, (double) correct / images, images, seconds);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", lossSum / images);
            values.put("accuracy", (double) correct / images);
            if (options.validation() != null) {
                Evaluation v = evaluate(options.validation(), options.batchSize());
                values.put("val_loss", v.loss());
                values.put("val_accuracy", v.accuracy());
            }
            values.put("seconds", seconds);
            values.put("images_per_s", images / seconds);
            EpochLogs logs = new EpochLogs(epoch, values);
            history.add(logs);
            listener.onEpochEnd(logs);
        }
        return history;
    }

    public Evaluation evaluate(Dataset data, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        int n = 0;
        try (var scope = Autograd.noGrad()) {
            for (Batch batch : Batches.inOrder(data, batchSize)) {
                try (var step = Workspace.open()) {
                    Tensor out = model.forward(batch.x(), false);
                    lossSum += loss.compute(out, batch.y()).item() * batch.size();
                    correct += Accuracy.correct(out, batch.y());
                    n += batch.size();
                }
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n, n);
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
