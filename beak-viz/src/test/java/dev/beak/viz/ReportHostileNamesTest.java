package dev.beak.viz;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.layer.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Layer names come from model files anyone can write: they must not steer file paths or add markup to the page. */
class ReportHostileNamesTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void layerNamesNeitherEscapeTheFolderNorInjectMarkup(@TempDir Path tmp) throws Exception {
        String traversal = "../../escaped", script = "<script>alert('x')</script>", hidden = "..";
        Model model = Model.graph("hostile", List.of(
                new GraphNode(traversal, Layers.conv2d(2, 3), new int[] {-1}),
                new GraphNode(script, Layers.conv2d(2, 3), new int[] {0}),
                new GraphNode(hidden, Layers.flatten(), new int[] {1}),
                new GraphNode("out\"><img src=x onerror=alert(1)>", Layers.dense(10), new int[] {2})), new int[] {1, 28, 28}, 1);
        TensorDataset test = EmbeddedMnist.test().slice(0, 4);
        Path out = tmp.resolve("a").resolve("b").resolve("report");

        Report.write(model, "t<b>'", test, null, out, 2);

        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(out));
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(n -> n.matches("[A-Za-z0-9_][A-Za-z0-9._-]*"))
                    .contains("activations-_.._escaped.png", "activations-_script_alert__x____script_.png");
        }
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("<script", "<b>", "onerror=alert(1)>", "'x'")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void safeNamesKeepOrdinaryLayerNamesAndNeverStartWithADot() {
        assertThat(OutputFolder.safe("conv2d_1")).isEqualTo("conv2d_1");
        assertThat(OutputFolder.safe("../x")).isEqualTo("_x");
        assertThat(OutputFolder.safe("..")).isEqualTo("layer");
        assertThat(OutputFolder.safe("a/b\\c:d")).isEqualTo("a_b_c_d");
        assertThat(OutputFolder.safe("x".repeat(500))).hasSize(80);
        OutputFolder f = new OutputFolder(Path.of("out"));
        assertThat(f.fileName("a_", "x/y", ".png")).isEqualTo("a_x_y.png");
        assertThat(f.fileName("a_", "x:y", ".png")).isEqualTo("a_x_y_1.png");
    }
}
