package dev.beak.web;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.Dataset;
import dev.beak.nn.Model;
import dev.beak.io.ImageClassifier;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.viz.Pictures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first few validation samples, shown with the model's predictions: images x (N, C, H, W), their
 * classes, and the class names (the index as text where none are given).
 */
public record ValidationSamples(Tensor x, int[] labels, List<String> classNames) {
    public ValidationSamples {
        classNames = List.copyOf(classNames);
    }

    /** The first {@code count} samples of {@code data} (fewer when it is smaller); labels are class indices or one-hot rows. */
    public static ValidationSamples of(Dataset data, int count, List<String> classNames) {
        int n = Math.min(count, data.size()), per = Shape.size(data.sampleShape()), ls = Shape.size(data.labelShape());
        float[] x = new float[n * per], y = new float[Math.max(1, ls)];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            data.copy(i, x, i * per, y, 0);
            labels[i] = ls <= 1 ? (int) y[0] : argmax(y, 0, ls);
        }
        int[] shape = new int[data.sampleShape().length + 1];
        shape[0] = n;
        System.arraycopy(data.sampleShape(), 0, shape, 1, shape.length - 1);
        return new ValidationSamples(Tensor.of(x, shape), labels, classNames == null ? List.of() : classNames);
    }

    public int size() {
        return labels.length;
    }

    /** True when the samples are images (N, C, H, W) that can be drawn. */
    public boolean images() {
        return x.rank() == 4 && size() > 0;
    }

    public String name(int c) {
        return c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }

    /** Each sample as a PNG, scaled from its own minimum to maximum. */
    public List<byte[]> pngs() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < size(); i++) all.add(png(Pictures.imageAutoscaled(x, i)));
        return all;
    }

    /** The model's class and its softmax probability for each sample (evaluation mode, no gradients). */
    public Prediction[] predict(Model model) {
        Tensor p;
        try (var scope = Autograd.noGrad()) {
            p = ImageClassifier.probabilitiesOf(model.predict(x, 64));
        }
        int k = p.dim(1);
        Prediction[] r = new Prediction[size()];
        for (int i = 0; i < r.length; i++) {
            int c = argmax(p.data(), i * k, k);
            r[i] = new Prediction(c, p.data()[i * k + c]);
        }
        return r;
    }

    public record Prediction(int index, double probability) {}

    public static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }
}
