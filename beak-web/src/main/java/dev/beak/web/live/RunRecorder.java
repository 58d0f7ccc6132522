package dev.beak.web.live;

import dev.beak.nn.Model;
import dev.beak.nn.metric.ConfusionMatrix;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.History;
import dev.beak.nn.train.TrainingListener;
import dev.beak.web.Histogram;
import dev.beak.web.ModelStatistics;
import dev.beak.web.UpdateRatios;
import dev.beak.web.ValidationSamples;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a fit into the events of a {@link RunLog}: the model and its summary at the start, the running
 * loss and accuracy with images/s and ETA after each batch (at most 20 a second, and always the last
 * of an epoch), update-to-parameter ratios on one step in {@code ratioEvery}, and after each epoch its
 * figures, histograms (activations on the samples, the last step's gradients, the weights), the
 * samples' predictions and the confusion matrix; {@code end} after the fit.
 */
public final class RunRecorder implements TrainingListener {
    private static final int BINS = 30;
    private static final long BATCH_EVENT_NANOS = 50_000_000L;
    private final RunLog log;
    private final LiveSettings settings;
    private final UpdateRatios ratios = new UpdateRatios();
    private Model model;
    private int epoch, epochs;
    private long step, lastBatchEvent;
    private Map<String, Histogram> gradients = Map.of();

    public RunRecorder(RunLog log, LiveSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    private static Map<String, Object> event(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type); // first, for people reading events.jsonl
        return e;
    }

    @Override
    public void onFitStart(Model model) {
        this.model = model;
        Map<String, Object> e = event("start");
        e.put("model", model.name());
        e.put("parameters", model.parameterCount());
        e.put("summary", model.summary());
        e.put("layers", model.layerNames());
        ValidationSamples s = settings.samples();
        if (s != null && s.images()) {
            List<String> pngs = new ArrayList<>();
            for (byte[] png : s.pngs()) pngs.add("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            List<String> truth = new ArrayList<>();
            for (int c : s.labels()) truth.add(s.name(c));
            e.put("sample_images", pngs);
            e.put("sample_labels", truth);
        }
        log.add(e);
    }

    @Override
    public void onResume(History earlier) {
        for (EpochLogs logs : earlier.epochs()) onEpochFigures(logs);
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.step = (long) (epoch - 1) * batches;
    }

    @Override
    public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
        step++;
        if (ratios.remembering()) {
            Map<String, Object> e = event("ratios");
            e.put("step", step);
            e.put("ratios", ratios.since(model));
            log.add(e);
        } else if (batch % settings.ratioEvery() == 0 && batch < batches) {
            ratios.remember(model);
        }
        if (batch == batches) gradients = ModelStatistics.gradients(model, BINS);
        long now = System.nanoTime();
        if (batch < batches && now - lastBatchEvent < BATCH_EVENT_NANOS) return;
        lastBatchEvent = now;
        double perBatch = seconds / batch;
        Map<String, Object> e = event("batch");
        e.put("epoch", epoch);
        e.put("epochs", epochs);
        e.put("batch", batch);
        e.put("batches", batches);
        e.put("step", step);
        e.put("loss", finite(loss));
        e.put("accuracy", finite(accuracy));
        e.put("images_per_s", images / seconds);
        // This epoch's remaining batches, then whole epochs at this pace (validation time not counted).
        e.put("eta_s", perBatch * (batches - batch) + perBatch * batches * (epochs - epoch));
        log.add(e);
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        onEpochFigures(logs);
        Map<String, Object> h = event("histograms");
        h.put("epoch", logs.epoch());
        ValidationSamples s = settings.samples();
        h.put("activations", s == null || s.size() == 0 ? Map.of() : ModelStatistics.activations(model, s.x(), BINS));
        h.put("gradients", gradients);
        h.put("weights", ModelStatistics.weights(model, BINS));
        log.add(h);
        if (s != null && s.size() > 0) {
            List<String> predicted = new ArrayList<>();
            List<Double> probability = new ArrayList<>();
            for (ValidationSamples.Prediction p : s.predict(model)) {
                predicted.add(s.name(p.index()));
                probability.add(p.probability());
            }
            Map<String, Object> e = event("samples");
            e.put("epoch", logs.epoch());
            e.put("predicted", predicted);
            e.put("probability", probability);
            log.add(e);
        }
        if (settings.confusionData() != null && settings.confusionData().size() > 0) {
            ConfusionMatrix m = ConfusionMatrix.of(model, settings.confusionData(), 256);
            long[][] counts = new long[m.classes()][m.classes()];
            List<String> names = new ArrayList<>();
            for (int t = 0; t < m.classes(); t++) {
                names.add(s == null ? Integer.toString(t) : s.name(t));
                for (int p = 0; p < m.classes(); p++) counts[t][p] = m.count(t, p);
            }
            Map<String, Object> e = event("confusion");
            e.put("epoch", logs.epoch());
            e.put("classes", names);
            e.put("matrix", counts);
            e.put("accuracy", m.accuracy());
            log.add(e);
        }
    }

    private void onEpochFigures(EpochLogs logs) {
        Map<String, Object> e = event("epoch");
        e.put("epoch", logs.epoch());
        Map<String, Double> values = new LinkedHashMap<>();
        logs.values().forEach((k, v) -> values.put(k, finite(v)));
        e.put("values", values);
        log.add(e);
    }

    @Override
    public void onFitEnd(History history) {
        Map<String, Object> e = event("end");
        e.put("epochs", history.epochs().size());
        log.add(e);
    }

    /** JSON has no NaN or infinity: those become null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
