package dev.beak.web.serve;

import dev.beak.data.DataFileException;
import dev.beak.io.ImageClassifier;
import dev.beak.io.SavedModel;
import dev.beak.tensor.Tensor;
import dev.beak.viz.GradCam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The model behind {@code beak serve}: inputs become class probabilities, the top classes and, when asked,
 * a Grad-CAM heat map. Requests are read and answered in parallel, but the model runs one request at a
 * time: its kernels already use every core, and Grad-CAM switches the parameters' gradient flags while
 * it runs, so two requests must not share the model at once.
 */
final class Predictor {
    private final SavedModel saved;
    private final ImageClassifier classifier;
    private final ReentrantLock lock = new ReentrantLock();

    Predictor(SavedModel saved) {
        this.saved = saved;
        this.classifier = ImageClassifier.of(saved);
    }

    SavedModel saved() {
        return saved;
    }

    int[] sampleShape() {
        return saved.model().inputShape();
    }

    /** Encoded image bytes as the model's input (stored geometry and preprocessing), (1, C, H, W). */
    Tensor image(byte[] bytes) throws DataFileException {
        return classifier.input(bytes, "the posted image");
    }

    /** A tensor as decoded images give it (the model file's pixel range), with the stored preprocessing applied. */
    Tensor preprocessed(Tensor raw) {
        return saved.preprocessing().apply(raw);
    }

    /** One answer per sample of {@code x}: the {@code k} best classes, all probabilities, and (when asked) Grad-CAM. */
    List<Map<String, Object>> predict(Tensor x, int k, boolean gradCam) {
        lock.lock();
        try {
            Tensor p = classifier.probabilities(x);
            List<List<ImageClassifier.RankedClass>> tops = classifier.top(p, k);
            GradCam cam = null;
            String camError = null;
            if (gradCam) {
                try {
                    cam = GradCam.of(saved.model(), x, null, null);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    camError = e.getMessage();
                }
            }
            int classes = p.dim(1);
            List<Map<String, Object>> answers = new ArrayList<>();
            for (int i = 0; i < tops.size(); i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("top", tops.get(i));
                float[] row = new float[classes];
                System.arraycopy(p.data(), i * classes, row, 0, classes);
                a.put("probabilities", row);
                if (cam != null) a.put("gradcam", heatmap(cam, i));
                else if (camError != null) a.put("gradcam_error", camError);
                answers.add(a);
            }
            return answers;
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Object> heatmap(GradCam cam, int i) {
        int h = cam.heatmaps().dim(1), w = cam.heatmaps().dim(2);
        float[] values = new float[h * w];
        System.arraycopy(cam.heatmaps().data(), i * h * w, values, 0, h * w);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", cam.layer());
        m.put("height", h);
        m.put("width", w);
        m.put("values", values);
        return m;
    }
}
