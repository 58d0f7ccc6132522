package dev.beak.nn.train;

/**
 * Follows a pass over data that does not train: {@code Model.evaluate}, {@code Model.predict},
 * {@code ConfusionMatrix.of} (Keras' {@code on_test_batch_end} and {@code on_predict_batch_end}). It is
 * called once after every batch, on the thread that runs the pass; {@link EvaluationProgress} draws it.
 * {@snippet : Evaluation e = model.evaluate(test, 256, (batch, batches, samples, seconds) -> System.err.print("\r" + batch + "/" + batches)); }
 */
@FunctionalInterface
public interface EvaluationListener {
    /** After batch {@code batch} (1-based) of {@code batches}: the samples done so far and the seconds since the pass began. */
    void onBatchEnd(int batch, int batches, long samples, double seconds);

    EvaluationListener NONE = (batch, batches, samples, seconds) -> {};
}
