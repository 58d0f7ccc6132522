package dev.beak.nn;

import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training steps run in workspace scopes (buffers recycled between steps) give bit for bit the
 * parameters, losses and outputs of steps that allocate everything fresh.
 */
class WorkspaceReuseTest {
    static Model net() {
        // Conv, pool, dense and dropout: every op that takes buffers from the workspace.
        return Sequential.of(Layers.conv2d(6, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2), Layers.conv2d(5, 3).withActivation(Activation.RELU), Layers.flatten(),
                Layers.dropout(0.25f), Layers.dense(16, Activation.RELU), Layers.dense(4)).seed(11).withInputShape(2, 10, 10);
    }

    /** Runs {@code steps} training steps on changing batches; returns losses, then every parameter, then the last outputs. */
    static List<float[]> train(boolean pooled, int steps) {
        Model model = net();
        Collection<Tensor> params = model.parameters().values();
        Adam adam = new Adam(1e-2);
        CrossEntropy loss = new CrossEntropy();
        SplittableRandom rng = new SplittableRandom(4);
        float[] losses = new float[steps], lastOut = null;
        for (int s = 0; s < steps; s++) {
            // Batch sizes change so the pool sees several shapes.
            int n = s % 3 == 2 ? 3 : 8;
            Tensor x = Tensor.randn(rng, n, 2, 10, 10);
            float[] labels = new float[n];
            for (int i = 0; i < n; i++) labels[i] = rng.nextInt(4);
            Workspace ws = pooled ? Workspace.open() : null;
            try {
                for (Tensor p : params) p.zeroGrad();
                Tensor out = model.forward(x, true);
                Tensor l = loss.compute(out, Tensor.of(labels, n));
                l.backward();
                adam.step(params);
                losses[s] = l.item();
                lastOut = out.data().clone();
            } finally {
                if (ws != null) ws.close();
            }
        }
        List<float[]> result = new ArrayList<>();
        result.add(losses);
        for (Tensor p : params) result.add(p.data().clone());
        result.add(lastOut);
        return result;
    }

    @Test
    void pooledStepsMatchFreshStepsBitForBit() {
        List<float[]> fresh = train(false, 7), pooled = train(true, 7);
        assertThat(pooled).hasSameSizeAs(fresh);
        for (int i = 0; i < fresh.size(); i++) assertThat(pooled.get(i)).as("array %d", i).containsExactly(fresh.get(i));
        Workspace.trim();
    }

    @Test
    void predictAndFitUseScopesThatDoNotLeak() {
        Model model = net();
        Tensor x = Tensor.randn(new SplittableRandom(2), 5, 2, 10, 10);
        Tensor a = model.predict(x, 2), b = model.predict(x, 2);
        assertThat(a.data()).containsExactly(b.data());
        assertThat(Workspace.active()).isFalse();
    }
}
