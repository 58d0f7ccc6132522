package dev.beak.cli;

import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.data.image.SyntheticShapes;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transfer-learning path of the CLI end to end: a saved 2-class network becomes a 3-class one
 * (new head on its frozen base, cached features, fine-tuning), and the result scores single image files.
 */
class TransferCliTest {
    @TempDir
    Path dir;

    @Test
    void newHeadOnASavedBaseThenPredictionsOnImageFiles() throws IOException {
        Model pretrained = Sequential.of(Layers.conv2d(4, 3).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.flatten(),
                Layers.dense(2)).seed(5).withInputShape(3, 24, 24);
        Path base = dir.resolve("base.beak");
        // A base that takes 24x24 RGB images scaled to 0..1, as a file trained on image folders records it.
        ModelFile.save(new SavedModel(pretrained, Map.of(), Preprocessing.NONE, List.of(),
                InputGeometry.of(24, 24, ColorMode.RGB, ResizeMode.CROP, InputRange.UNIT), null), base);
        Path shapes = SyntheticShapes.write(dir.resolve("shapes"), 3, 24, 24, 1);

        CliRun refused = CliRun.beak("train", "--model", base.toString(), "--data", shapes.toString(), "--epochs", "1");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.all()).contains("the data has 3 classes but model").contains("has 2 outputs").contains("--base");

        Path out = dir.resolve("shapes.beak");
        CliRun r = CliRun.beak("train", "--base", base.toString(), "--cut", "flatten", "--head", "dense:8,relu,dropout:0.25", "--freeze-base",
                "--cache-features", "--epochs", "2", "--fine-tune-from", "conv2d", "--fine-tune-epochs", "1", "--data", shapes.toString(),
                "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.err()).contains("Cached base outputs (484,)").contains("Fine-tuning from conv2d");
        assertThat(r.out()).contains("\"classes\":3");

        SavedModel head = ModelFile.load(dir.resolve("shapes.head.beak")), done = ModelFile.load(out);
        assertThat(done.classNames()).containsExactly("circle", "square", "triangle");
        assertThat(done.model().outputShape()).containsExactly(3);
        // Phase one kept the pretrained base bit for bit; phase two trained it.
        assertThat(head.model().parameters().get("conv2d.weight").data()).containsExactly(pretrained.parameters().get("conv2d.weight").data());
        assertThat(done.model().parameters().get("conv2d.weight").data()).isNotEqualTo(pretrained.parameters().get("conv2d.weight").data());

        // A single file of another size, decoded as the file says.
        BufferedImage big = SyntheticShapes.draw(1, 64, new SplittableRandom(3));
        Path square = dir.resolve("square.png");
        ImageIO.write(big, "png", square.toFile());
        CliRun p = CliRun.beak("predict", out.toString(), square.toString(), "--top", "3");
        assertThat(p.code()).as(p.out()).isZero();
        assertThat(p.out()).containsPattern("square.png:  (circle|square|triangle) 0\\.\\d{4}  (circle|square|triangle) 0\\.\\d{4}  (circle|square|triangle)");
        CliRun json = CliRun.beak("predict", out.toString(), square.toString(), shapes.resolve("circle").toString(), "--top", "2", "--json");
        assertThat(json.code()).as(json.out()).isZero();
        String line = json.out().strip();
        assertThat(line).startsWith("{\"model\":").endsWith("]}").doesNotContain("\n");
        assertThat(line).containsPattern("\\{\"file\":\"[^\"]*square.png\",\"top\":\\[\\{\"class\":\"\\w+\",\"index\":\\d,\"probability\":0?\\.?[\\d.E-]+\\},\\{");
        assertThat(line.split("\"file\"")).hasSize(1 + 1 + 24);
    }

    @Test
    void headSpecErrorsNameTheLayer() {
        CliRun r = CliRun.beak("train", "--base", "mnist", "--head", "dense:0", "--epochs", "1");
        assertThat(r.code()).isNotZero();
        assertThat(r.all()).contains("--head: \"dense:0\" needs a unit count > 0");
        CliRun alone = CliRun.beak("train", "--head", "dense:8");
        assertThat(alone.all()).contains("--head goes with --base MODEL");
    }
}
