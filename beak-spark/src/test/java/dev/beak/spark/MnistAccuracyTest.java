package dev.beak.spark;

import dev.beak.data.EmbeddedMnist;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.zoo.SeedNetworks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed MNIST network trained data-parallel over 2 partitions reaches at least 97 % on the 2,000
 * embedded test digits, with {@code beak train}'s defaults (Adam 1e-3, decay 0.8 per epoch, batch 32).
 * Minutes on two cores, so tagged slow: {@code mvn verify -pl beak-spark -am -Dbeak.spark.excludedGroups= -Dgroups=slow}.
 */
@Tag("slow")
class MnistAccuracyTest {
    @Test
    void theMnistNetworkReaches97PercentOnTheTestDigits() {
        Model model = SeedNetworks.mnist().seed(42).withInputShape(SeedNetworks.mnistInput());
        Adam adam = new Adam(1e-3).schedule(LearningRateSchedule.exponential(0.8));
        model.compile(adam, new CrossEntropy());
        TrainingData data = TrainingData.load(LocalSpark.context(), new SampleSource.EmbeddedMnistSplit("train"), 2);
        try {
            SparkRun run = new SparkTrainer(LocalSpark.context(), adam)
                    .fit(new SavedModel(model, Map.of()), data, SparkFitOptions.of(3, 32, 42).withValidation(EmbeddedMnist.test()));
            assertThat(run.epochs().last().get("val_accuracy")).isGreaterThanOrEqualTo(0.97);
            assertThat(run.rounds().epochs()).hasSize(3 * 250);
        } finally {
            data.release();
        }
    }
}
