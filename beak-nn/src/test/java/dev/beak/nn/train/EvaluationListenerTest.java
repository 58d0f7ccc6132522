package dev.beak.nn.train;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.metric.ConfusionMatrix;
import dev.beak.nn.optim.Sgd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-batch hook of passes that do not train (evaluate, predict, confusion matrix) and the bar that draws it. */
class EvaluationListenerTest {
    /** One call: batch, batches, samples done, seconds. */
    private record Call(int batch, int batches, long samples, double seconds) {}

    private static TensorDataset data(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.randn(rng, n, 4);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = x.data()[i * 4] > 0 ? 1 : 0;
        return new TensorDataset(x, Tensor.of(y, n));
    }

    private static Model model() {
        return Sequential.of(Layers.dense(3), Layers.relu(), Layers.dense(2)).seed(5).withInputShape(4).compile(new Sgd(0.1), new CrossEntropy());
    }

    private static void assertOnePerBatch(List<Call> calls, long... samples) {
        assertThat(calls).hasSize(samples.length);
        for (int i = 0; i < samples.length; i++) {
            Call c = calls.get(i);
            assertThat(c.batch()).isEqualTo(i + 1);
            assertThat(c.batches()).isEqualTo(samples.length);
            assertThat(c.samples()).isEqualTo(samples[i]);
            assertThat(c.seconds()).isGreaterThanOrEqualTo(i == 0 ? 0 : calls.get(i - 1).seconds());
        }
    }

    @Test
    void evaluateCallsTheListenerOncePerBatchWithTheSamplesDoneAndChangesNothing() {
        Model m = model();
        List<Call> calls = new ArrayList<>();
        Evaluation heard = m.evaluate(data(10), 4, (b, n, s, t) -> calls.add(new Call(b, n, s, t)));
        assertOnePerBatch(calls, 4, 8, 10);
        Evaluation plain = m.evaluate(data(10), 4);
        assertThat(heard.loss()).isEqualTo(plain.loss());
        assertThat(heard.accuracy()).isEqualTo(plain.accuracy());
        assertThat(heard.samples()).isEqualTo(10);
    }

    @Test
    void predictAndTheConfusionMatrixCallItOncePerBatchToo() {
        Model m = model();
        List<Call> predicted = new ArrayList<>(), counted = new ArrayList<>();
        Tensor heard = m.predict(data(9).x(), 3, (b, n, s, t) -> predicted.add(new Call(b, n, s, t)));
        assertOnePerBatch(predicted, 3, 6, 9);
        assertThat(heard.data()).containsExactly(m.predict(data(9).x(), 3).data());

        ConfusionMatrix cm = ConfusionMatrix.of(m, data(9), 5, (b, n, s, t) -> counted.add(new Call(b, n, s, t)));
        assertOnePerBatch(counted, 5, 9);
        assertThat(cm.total()).isEqualTo(9);
    }

    @Test
    void aSingleBatchIsOneCallOfOneBatch() {
        List<Call> calls = new ArrayList<>();
        model().evaluate(data(3), 256, (b, n, s, t) -> calls.add(new Call(b, n, s, t)));
        assertOnePerBatch(calls, 3);
    }

    @Test
    void onATerminalTheBarIsDrawnOnStderrAndErasedAfterTheLastBatch() {
        StringWriter err = new StringWriter();
        model().evaluate(data(10), 4, new EvaluationProgress("Evaluating", new PrintWriter(err), true));
        String text = err.toString();
        assertThat(text).startsWith("\rEvaluating [==========>...................] 1/3  ").contains(" img/s  ETA -:-- ");
        String first = text.substring(1, text.indexOf('\r', 1));
        assertThat(text).as("the last batch erases the line").endsWith("\r" + " ".repeat(first.length()) + "\r");
    }

    @Test
    void elsewhereTheBarPrintsNothing() {
        StringWriter err = new StringWriter();
        model().evaluate(data(10), 4, new EvaluationProgress("Evaluating", new PrintWriter(err), false));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theEtaLeavesTheFirstBatchOut() {
        assertThat(ProgressBar.eta(9.0, 1, 5, 9.0)).isEqualTo("-:--");
        assertThat(ProgressBar.eta(9.0, 3, 5, 11.0)).as("1 s per batch after a 9 s first batch: 2 left").isEqualTo("0:02");
    }
}
