package dev.beak.web.browser;

import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.TrainingListener;
import dev.beak.web.WebFixtures;
import dev.beak.web.live.LivePage;
import dev.beak.web.live.LiveSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live page in headless Chromium while a short fit runs. The fit pauses at two gates (its own
 * listener waits on a latch), so the checks do not depend on timing: the curves have points at the
 * first gate, more at the second, a reload replays the run up to where it was, and after the fit the
 * page shows the confusion matrix, the samples with predictions and the histograms.
 */
class LivePageBrowserTest {
    @TempDir Path dir;

    /** Pauses the fit after {@code at} batches of epoch 1 until released. */
    private static final class Gate implements TrainingListener {
        final int at;
        final CountDownLatch reached = new CountDownLatch(1), release = new CountDownLatch(1);
        private int epoch;

        Gate(int at) {
            this.at = at;
        }

        @Override public void onEpochStart(int epoch, int epochs, int batches) { this.epoch = epoch; }

        @Override
        public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
            if (epoch != 1 || batch != at) return;
            reached.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the gate at batch " + at);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void curvesUpdateWhileTrainingRunsAndAReloadResumes() throws Exception {
        Path binary = BrowserTests.chromium();
        Model model = WebFixtures.untrained(11);
        model.compile(new Adam(2e-3), new CrossEntropy());
        var test = WebFixtures.test(300);
        Gate first = new Gate(10), second = new Gate(40);
        try (LivePage page = LivePage.open(dir.resolve("run"), 0, LiveSettings.of(test, WebFixtures.DIGITS));
             Chromium browser = Chromium.launch(binary, 1280, 1860)) {
            browser.navigate(page.uri());
            CompletableFuture<?> fit = CompletableFuture.runAsync(() -> model.fit(WebFixtures.train(960),
                    FitOptions.epochs(3).batchSize(16).validation(test).seed(2).verbose(0).callbacks(page.listener(), first, second)));
            try {
                assertThat(first.reached.await(60, TimeUnit.SECONDS)).isTrue();
                browser.waitFor(() -> points(browser) > 0, "the first batch points");
                int atFirst = lastStep(browser);
                first.release.countDown();

                assertThat(second.reached.await(60, TimeUnit.SECONDS)).isTrue();
                browser.waitFor(() -> lastStep(browser) > atFirst, "more batch points after the first gate");
                int before = lastStep(browser);
                assertThat(browser.evaluate("document.querySelectorAll('#chart-batch-loss .uplot').length").asInt()).isEqualTo(1);
                assertThat(browser.evaluate("window.beakLive.ended").asBoolean()).isFalse();

                browser.reload();
                browser.waitFor(() -> lastStep(browser) >= before, "the reloaded page to replay the run up to step " + before);
                assertThat(browser.evaluate("window.beakLive.ended").asBoolean()).isFalse();
                second.release.countDown();
                fit.get(120, TimeUnit.SECONDS);
            } finally {
                first.release.countDown();
                second.release.countDown();
            }
            browser.waitFor(() -> browser.evaluateOr("window.beakLive.ended", false), "the page to see the end of the run");
            assertThat(lastStep(browser)).isEqualTo(180);
            // The status is redrawn on the next animation frame.
            browser.waitFor(() -> browser.evaluateOr("document.getElementById('status').textContent === 'finished'", false), "the status to say finished");
            assertThat(browser.evaluate("window.beakLive.epochs.length").asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.querySelectorAll('#confusion td').length").asInt()).isEqualTo(100);
            assertThat(browser.evaluate("document.querySelectorAll('#samples .sample.right, #samples .sample.wrong').length").asInt()).isEqualTo(16);
            assertThat(browser.evaluate("document.querySelectorAll('#histograms canvas').length").asInt()).isEqualTo(model.nodes().size());
            assertThat(browser.evaluate("window.beakLive.ratioLayers.length").asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.querySelectorAll('.uplot').length").asInt()).isEqualTo(6);
            Thread.sleep(300); // one more animation frame for the last points
            browser.screenshot(BrowserTests.screenshot("live-page.png"));
        }
    }

    private static int points(Chromium browser) {
        return browser.evaluateOr("window.beakLive.batchSteps.length", 0);
    }

    private static int lastStep(Chromium browser) {
        return browser.evaluateOr("(s => s.length ? s[s.length - 1] : 0)(window.beakLive.batchSteps)", 0);
    }
}
