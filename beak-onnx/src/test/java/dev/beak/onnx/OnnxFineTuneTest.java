package dev.beak.onnx;

import dev.beak.nn.optim.Sgd;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** An imported ONNX convolution trains like any Beak model: its weights are parameters. */
class OnnxFineTuneTest {
    @Test
    void importedConvWeightsTrainAndTheLossGoesDown() throws IOException {
        OnnxModel onnx = OnnxImporter.load(Conformance.test("onnx-pytorch-converted", "test_Conv2d").resolve("model.onnx"));
        onnx.trainable(true);
        var params = onnx.model().parameters();
        assertThat(params).hasSize(2);
        assertThat(params.values().iterator().next().shape()).containsExactly(4, 3, 3, 2);

        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.randn(rng, 2, 3, 7, 5), target = Tensor.randn(rng, 2, 4, 5, 4);
        Sgd sgd = new Sgd(0.05, 0.0);
        double first = 0, last = 0;
        for (int step = 0; step < 10; step++) {
            for (Tensor p : params.values()) p.zeroGrad();
            Tensor diff = Ops.sub(onnx.forward(true, x)[0], target);
            Tensor loss = Ops.mean(Ops.mul(diff, diff));
            loss.backward();
            sgd.step(params.values());
            if (step == 0) first = loss.item();
            last = loss.item();
        }
        assertThat(last).isLessThan(first * 0.9);
    }
}
