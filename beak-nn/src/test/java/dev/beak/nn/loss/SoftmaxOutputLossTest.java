package dev.beak.nn.loss;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.CompileConfig;
import dev.beak.nn.Model;
import dev.beak.nn.OutputKind;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.FitOptions;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The default cross-entropy of a model that already ends in a softmax is taken on its probabilities, not on a second softmax. */
class SoftmaxOutputLossTest {
    private static final int N = 12, K = 3;

    private static TensorDataset data(boolean oneHot) {
        SplittableRandom rng = new SplittableRandom(7);
        Tensor x = Tensor.randn(rng, N, 4);
        float[] y = new float[oneHot ? N * K : N];
        for (int i = 0; i < N; i++) {
            int c = (i * 5 + 1) % K;
            if (oneHot) y[i * K + c] = 1;
            else y[i] = c;
        }
        return new TensorDataset(x, oneHot ? Tensor.of(y, N, K) : Tensor.of(y, N));
    }

    private static Model softmaxModel() {
        return Sequential.of(Layers.dense(8), Layers.relu(), Layers.dense(K), Layers.softmax()).seed(3).withInputShape(4);
    }

    /** mean over samples of -log p[label], from the model's outputs, in double (Keras' clip at 1e-7). */
    private static double byHand(Model m, TensorDataset d) {
        float[] p = m.predict(d.x(), N).data(), y = d.y().data();
        boolean oneHot = d.y().rank() == 2;
        double sum = 0;
        for (int i = 0; i < N; i++) {
            int c = 0;
            if (oneHot) while (y[i * K + c] == 0) c++;
            else c = (int) y[i];
            sum -= Math.log(Math.clamp(p[i * K + c], 1e-7, 1 - 1e-7));
        }
        return sum / N;
    }

    /** The cross-entropy of a second softmax over the probabilities: the wrong figure this replaces. */
    private static double twiceSoftmaxed(Model m, TensorDataset d) {
        float[] p = m.predict(d.x(), N).data(), y = d.y().data();
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double z = 0;
            for (int c = 0; c < K; c++) z += Math.exp(p[i * K + c]);
            sum -= p[i * K + (int) y[i]] - Math.log(z);
        }
        return sum / N;
    }

    @Test
    void evaluatingASoftmaxModelReportsTheCrossEntropyOfItsOutputs() {
        Model m = softmaxModel();
        TensorDataset d = data(false);
        assertThat(OutputKind.of(m, d)).isEqualTo(OutputKind.PROBABILITIES);
        CompileConfig c = CompileConfig.crossEntropy().fittedTo(m, d);
        assertThat(c.loss()).isEqualTo(new SparseCategoricalCrossEntropy(false, Reduction.MEAN));
        double reported = m.compile(new Sgd(0.1), c.loss()).evaluate(d, 5).loss();
        assertThat(reported).isCloseTo(byHand(m, d), within(1e-5));
        assertThat(Math.abs(twiceSoftmaxed(m, d) - byHand(m, d))).as("the test tells the two apart").isGreaterThan(0.05);
    }

    @Test
    void trainingASoftmaxModelOptimisesAndLogsThatLoss() {
        Model m = softmaxModel();
        TensorDataset d = data(false);
        double before = byHand(m, d);
        m.compile(new Sgd(0.5), CompileConfig.crossEntropy().fittedTo(m, d).loss());
        double logged = m.fit(d, FitOptions.epochs(1).batchSize(N).verbose(0)).values("loss")[0];
        assertThat(logged).as("one batch: the loss of the outputs before the step").isCloseTo(before, within(1e-5));
        for (int e = 0; e < 20; e++) m.fit(d, FitOptions.epochs(1).batchSize(N).verbose(0));
        assertThat(byHand(m, d)).as("its gradient lowers the true loss").isLessThan(before);
    }

    @Test
    void oneHotLabelsTakeCategoricalCrossEntropyOnProbabilities() {
        Model m = softmaxModel();
        TensorDataset d = data(true);
        CompileConfig c = CompileConfig.crossEntropy().fittedTo(m, d);
        assertThat(c.loss()).isEqualTo(new CategoricalCrossEntropy(false, Reduction.MEAN));
        assertThat(m.compile(new Sgd(0.1), c.loss()).evaluate(d, 4).loss()).isCloseTo(byHand(m, d), within(1e-5));
    }

    @Test
    void logitModelsAndOtherLossesAreKept() {
        Model logits = Sequential.of(Layers.dense(8), Layers.relu(), Layers.dense(K)).seed(3).withInputShape(4);
        TensorDataset d = data(false);
        assertThat(OutputKind.of(logits, d)).isEqualTo(OutputKind.LOGITS);
        assertThat(CompileConfig.crossEntropy().fittedTo(logits, d).loss()).isEqualTo(new CrossEntropy());
        CompileConfig hinge = new CompileConfig(new CategoricalHinge(), java.util.List.of());
        assertThat(hinge.fittedTo(softmaxModel(), d)).isSameAs(hinge);
    }

    @Test
    void onlyRowsOfTwoOrMoreNonNegativeValuesSummingToOneAreProbabilities() {
        assertThat(OutputKind.of(Tensor.of(new float[] {0.25f, 0.75f, 1, 0}, 2, 2))).isEqualTo(OutputKind.PROBABILITIES);
        assertThat(OutputKind.of(Tensor.of(new float[] {0.25f, 0.75f, 1.5f, -0.5f}, 2, 2))).isEqualTo(OutputKind.LOGITS);
        assertThat(OutputKind.of(Tensor.of(new float[] {0.2f, 0.7f}, 1, 2))).isEqualTo(OutputKind.LOGITS);
        assertThat(OutputKind.of(Tensor.of(new float[] {1, 1}, 2, 1))).as("one class").isEqualTo(OutputKind.LOGITS);
        assertThat(OutputKind.of(Tensor.of(new float[] {Float.NaN, 1}, 1, 2))).isEqualTo(OutputKind.LOGITS);
    }
}
