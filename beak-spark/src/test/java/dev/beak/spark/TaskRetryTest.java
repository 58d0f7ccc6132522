package dev.beak.spark;

import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.beak.spark.GradientAveragingTest.BATCH;
import static dev.beak.spark.GradientAveragingTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task that fails once, in the middle of a round, is retried by Spark (local[2,2]) and the run ends
 * exactly where an undisturbed run does, and within float tolerance of single-process training.
 */
class TaskRetryTest {
    /** Counts the injected failures; the tasks run in this JVM (local mode). */
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Test
    void aTaskFailedOnceIsRetriedAndTheRunStillMatches() {
        ShardHook failOnce = (round, partition) -> {
            if (round == 5 && partition == 1 && TaskContext.get().attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure in round 5, partition 1");
            }
        };
        Model undisturbed = train(ShardHook.NONE);
        Model retried = train(failOnce);
        assertThat(FAILURES.get()).as("the hook failed a task").isEqualTo(1);
        retried.state().forEach((name, t) -> assertThat(t.data()).as(name).isEqualTo(undisturbed.state().get(name).data()));
        Model single = GradientAveragingTest.network().compile(new Adam(1e-3), new CrossEntropy());
        single.fit(GradientAveragingTest.digits(), FitOptions.epochs(1).batchSize(BATCH).seed(SEED));
        GradientAveragingTest.assertClose(single, retried, 1e-5);
    }

    private static Model train(ShardHook hook) {
        Model m = GradientAveragingTest.network().compile(new Adam(1e-3), new CrossEntropy());
        TrainingData data = TrainingData.of(LocalSpark.context(), GradientAveragingTest.digits(), 2);
        try {
            new SparkTrainer(LocalSpark.context(), new Adam(1e-3)).fit(new SavedModel(m, Map.of()), data, SparkFitOptions.of(1, BATCH, SEED).withHook(hook));
        } finally {
            data.release();
        }
        return m;
    }
}
