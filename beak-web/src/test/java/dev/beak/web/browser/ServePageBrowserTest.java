package dev.beak.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.web.WebFixtures;
import dev.beak.web.serve.ModelServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The drawing page of {@code beak serve} in headless Chromium: strokes drawn with the mouse get predictions and Grad-CAM as they are drawn. */
class ServePageBrowserTest {

    @Test
    void drawingADigitWithTheMouseYieldsPredictionsAsItIsDrawn() throws Exception {
        Path binary = BrowserTests.chromium();
        try (ModelServer server = ModelServer.start(WebFixtures.mnist(), 0, ModelServer.DEFAULT_MAX_BODY);
             Chromium browser = Chromium.launch(binary, 1140, 470)) {
            browser.navigate(server.uri());
            browser.waitFor(() -> browser.evaluateOr("document.getElementById('model').textContent.startsWith('tiny_mnist')", false), "the model's description");
            JsonNode pad = browser.evaluate("(r => ({x: r.left, y: r.top}))(document.getElementById('pad').getBoundingClientRect())");
            double x0 = pad.get("x").asDouble(), y0 = pad.get("y").asDouble();

            // A "1": one vertical stroke down the middle, in small moves as a hand would make.
            browser.mouse("mousePressed", x0 + 140, y0 + 50);
            for (int y = 50; y <= 230; y += 6) {
                browser.mouse("mouseMoved", x0 + 140 + (y - 50) / 30.0, y0 + y);
                Thread.sleep(15);
            }
            browser.mouse("mouseReleased", x0 + 146, y0 + 230);
            browser.waitFor(() -> browser.evaluateOr("window.beakServe.idle && window.beakServe.answers > 1", false),
                    "predictions for the stroke");
            assertThat(browser.evaluate("window.beakServe.error").isNull()).isTrue();
            JsonNode last = browser.evaluate("window.beakServe.last");
            assertThat(last.get("top")).hasSize(3);
            assertThat(last.get("top").findValuesAsText("name")).contains("one");
            assertThat(browser.evaluate("document.getElementById('prediction').textContent").asText()).isEqualTo(last.get("top").get(0).get("name").asText());
            assertThat(last.get("gradcam").get("values")).hasSize(28 * 28);
            assertThat(browser.evaluate("document.getElementById('camlayer').textContent").asText()).startsWith("Grad-CAM at conv2d_1");

            // A "7" for the picture: a bar across the top, then a diagonal down to the left.
            browser.evaluate("document.getElementById('clear').click()");
            int before = browser.evaluate("window.beakServe.answers").asInt();
            browser.mouse("mousePressed", x0 + 70, y0 + 60);
            for (int i = 1; i <= 20; i++) {
                browser.mouse("mouseMoved", x0 + 70 + 7 * i, y0 + 60);
                Thread.sleep(10);
            }
            for (int i = 1; i <= 25; i++) {
                browser.mouse("mouseMoved", x0 + 210 - 3.6 * i, y0 + 60 + 7 * i);
                Thread.sleep(10);
            }
            browser.mouse("mouseReleased", x0 + 120, y0 + 235);
            browser.waitFor(() -> browser.evaluateOr("window.beakServe.idle && window.beakServe.answers > " + before, false), "the prediction of the 7");
            Thread.sleep(200);
            browser.screenshot(BrowserTests.screenshot("serve-page.png"));
        }
    }
}
