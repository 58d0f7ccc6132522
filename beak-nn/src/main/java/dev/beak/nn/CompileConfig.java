package dev.beak.nn;

import dev.beak.dataset.Dataset;
import dev.beak.nn.loss.CategoricalCrossEntropy;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.loss.Reduction;
import dev.beak.nn.loss.SparseCategoricalCrossEntropy;
import dev.beak.nn.metric.Metric;

import java.util.List;

/**
 * What a model was compiled with besides its optimizer: the loss and the extra metrics (Keras'
 * compile config). A model file stores it so that evaluating the model later reports the same figures.
 */
public record CompileConfig(Loss loss, List<Metric> metrics) {
    public CompileConfig {
        if (loss == null) throw new IllegalArgumentException("a compile config needs a loss");
        metrics = List.copyOf(metrics);
    }

    /** Cross-entropy from logits and no extra metrics: what a model that stores no compile config is trained and evaluated with. */
    public static CompileConfig crossEntropy() {
        return new CompileConfig(new CrossEntropy(), List.of());
    }

    /**
     * This config with its loss fitted to what {@code model} gives on {@code data}: cross-entropy from logits
     * ({@link CrossEntropy}) on a model whose outputs already are probabilities ({@link OutputKind}) would take a
     * softmax of the softmax, so that the loss reported, and optimised when fine-tuning, would be wrong; it becomes
     * cross-entropy on probabilities, {@link SparseCategoricalCrossEntropy} without logits for class-index labels or
     * {@link CategoricalCrossEntropy} without logits for one-hot rows. Every other loss is kept as it is.
     * {@snippet : model.compile(new Adam(1e-3), CompileConfig.crossEntropy().fittedTo(model, train).loss()); }
     */
    public CompileConfig fittedTo(Model model, Dataset data) {
        if (!(loss instanceof CrossEntropy) || OutputKind.of(model, data) == OutputKind.LOGITS) return this;
        boolean indices = data.labelShapes()[0].length == 0;
        Loss onProbabilities = indices ? new SparseCategoricalCrossEntropy(false, Reduction.MEAN) : new CategoricalCrossEntropy(false, Reduction.MEAN);
        return new CompileConfig(onProbabilities, metrics);
    }
}
