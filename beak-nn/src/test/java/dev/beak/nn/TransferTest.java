package dev.beak.nn;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cutting a pretrained model, putting a new head on it, training the head, then fine-tuning the top of the base. */
class TransferTest {
    /** A "pretrained" network: two conv blocks and a 4-class classifier. */
    static Model pretrained() {
        return Sequential.of(Layers.conv2d(4, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.conv2d(6, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                Layers.flatten(), Layers.dense(4)).seed(11).withInputShape(1, 8, 8);
    }

    private static Map<String, float[]> snapshot(Model m) {
        Map<String, float[]> s = new LinkedHashMap<>();
        m.parameters().forEach((k, v) -> s.put(k, v.data().clone()));
        return s;
    }

    @Test
    void theCutSharesTheWeights() {
        Model full = pretrained();
        Model base = full.truncatedAt("flatten");
        assertThat(base.layerNames()).containsExactly("conv2d", "conv2d_1", "max_pooling2d", "flatten");
        assertThat(base.outputShape()).containsExactly(6 * 4 * 4);
        assertThat(base.parameters().get("conv2d.weight")).isSameAs(full.parameters().get("conv2d.weight"));
        Tensor x = TrainingTest.quadrants(5, 3).x();
        assertThat(base.forward(x, false).data()).containsExactly(full.forwardAll(x, false)[3].data());
        full.parameters().get("conv2d_1.bias").data()[0] += 1f; // a change in one is a change in the other
        assertThat(base.forward(x, false).data()).containsExactly(full.forwardAll(x, false)[3].data());
        assertThatThrownBy(() -> full.truncatedAt("dense_7")).hasMessageContaining("no layer is called \"dense_7\"");
    }

    @Test
    void aHeadGoesOnAnyModelAndKeepsItsNames() {
        Model base = pretrained().truncatedAt("flatten");
        Model head = Sequential.of(Layers.dense(8, Activation.RELU), Layers.dense(3)).seed(2).withInputShape(96);
        Model model = base.followedBy(head);
        assertThat(model.layerNames()).containsExactly("conv2d", "conv2d_1", "max_pooling2d", "flatten", "dense", "dense_1");
        assertThat(model.outputShape()).containsExactly(3);
        assertThat(model.parameters().get("dense.weight")).isSameAs(head.parameters().get("dense.weight"));
        Tensor x = TrainingTest.quadrants(4, 1).x();
        assertThat(model.forward(x, false).data()).containsExactly(head.forward(base.forward(x, false), false).data());
        // a head named like the base's layers is renamed, not confused
        Model twice = model.truncatedAt("dense").followedBy(Sequential.of(Layers.dense(2)).withInputShape(8));
        assertThat(twice.layerNames()).endsWith("dense", "dense_1");
        assertThatThrownBy(() -> base.followedBy(Sequential.of(Layers.dense(2)).withInputShape(50)))
                .hasMessageContaining("takes (50,)").hasMessageContaining("gives (96,)");
    }

    @Test
    void frozenBaseStaysBitIdenticalWhileTheHeadTrains() {
        Model full = pretrained();
        Map<String, float[]> pretrainedWeights = snapshot(full);
        TransferRecipe recipe = TransferRecipe.cutAt("flatten").withHead(Layers.dense(16, Activation.RELU), Layers.dropout(0.3f));
        Model model = recipe.model(full, 4, 5).compile(new Adam(1e-2), new CrossEntropy());
        Map<String, float[]> headBefore = snapshot(model);
        model.fit(TrainingTest.quadrants(128, 1), FitOptions.epochs(2).batchSize(16).seed(3));
        Map<String, float[]> after = snapshot(model);
        for (String k : List.of("conv2d.weight", "conv2d.bias", "conv2d_1.weight", "conv2d_1.bias")) {
            assertThat(after.get(k)).as(k).containsExactly(pretrainedWeights.get(k));
        }
        assertThat(after.get("dense.weight")).isNotEqualTo(headBefore.get("dense.weight"));
        assertThat(after.get("dense_1.weight")).isNotEqualTo(headBefore.get("dense_1.weight"));
        assertThat(model.trainingSettings().frozen()).containsExactly("conv2d", "conv2d_1", "max_pooling2d", "flatten");
    }

    @Test
    void fineTuningChangesOnlyTheUnfrozenLayers() {
        TransferRecipe recipe = TransferRecipe.cutAt("flatten").withHead(Layers.dense(16, Activation.RELU)).fineTuningFrom("conv2d_1");
        Model model = recipe.model(pretrained(), 4, 5).compile(new Adam(1e-2), new CrossEntropy());
        TensorDataset data = TrainingTest.quadrants(128, 1);
        model.fit(data, FitOptions.epochs(1).batchSize(16).seed(3));
        recipe.startFineTuning(model).compile(new Adam(1e-2 * recipe.fineTuneLrFactor()), new CrossEntropy());
        Map<String, float[]> before = snapshot(model);
        model.fit(data, FitOptions.epochs(1).batchSize(16).seed(4));
        Map<String, float[]> after = snapshot(model);
        assertThat(after.get("conv2d.weight")).containsExactly(before.get("conv2d.weight"));
        assertThat(after.get("conv2d.bias")).containsExactly(before.get("conv2d.bias"));
        for (String k : List.of("conv2d_1.weight", "conv2d_1.bias", "dense.weight", "dense_1.weight")) {
            assertThat(after.get(k)).as(k).isNotEqualTo(before.get(k));
        }
        assertThat(model.trainingSettings().frozen()).containsExactly("conv2d");
    }
}
