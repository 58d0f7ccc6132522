package dev.beak.onnx;

import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Layers;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code beak onnx run}'s inputs: .pb tensors as stored, images stretched to the model's input, and one clear error per mistake. */
class OnnxInputsTest {
    @TempDir Path dir;

    @Test
    void imagesAreStretchedToTheModelInputAndTensorsReadAsStored() throws Exception {
        Model m = Sequential.of(Layers.conv2d(2, 3), Layers.flatten(), Layers.dense(3)).seed(1).withInputShape(1, 12, 10);
        Path file = dir.resolve("m.onnx");
        OnnxExporter.export(new SavedModel(m, Map.of()), file);
        OnnxModel onnx = OnnxImporter.load(file);

        Path png = dir.resolve("wide.png");
        BufferedImage img = new BufferedImage(31, 17, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(2);
        for (int y = 0; y < 17; y++) for (int x = 0; x < 31; x++) img.setRGB(x, y, rng.nextInt(1 << 24));
        ImageIO.write(img, "png", png.toFile());
        Tensor fromImage = OnnxInputs.read(onnx, file, List.of(png))[0];
        assertThat(fromImage.shape()).containsExactly(1, 1, 12, 10);
        Tensor expected = InputGeometry.of(12, 10, ColorMode.GREY, ResizeMode.STRETCH, InputRange.UNIT).read(List.of(png));
        assertThat(fromImage.data()).containsExactly(expected.data());
        for (float v : fromImage.data()) assertThat(v).isBetween(0f, 1f);

        Path pb = dir.resolve("x.pb");
        Tensor x = Tensor.randn(rng, 2, 1, 12, 10);
        Files.write(pb, OnnxTensors.fromTensor("x", x).toByteArray());
        Tensor fromPb = OnnxInputs.read(onnx, file, List.of(pb))[0];
        assertThat(fromPb.shape()).containsExactly(2, 1, 12, 10);
        assertThat(fromPb.data()).containsExactly(x.data());
        assertThat(onnx.run(fromPb)[0].shape()).containsExactly(2, 3);
    }

    @Test
    void wrongCountsAndFilesAreNamed() throws Exception {
        Model m = Sequential.of(Layers.flatten(), Layers.dense(2)).seed(1).withInputShape(5, 4, 4);
        Path file = dir.resolve("five.onnx");
        OnnxExporter.export(new SavedModel(m, Map.of()), file);
        OnnxModel onnx = OnnxImporter.load(file);
        Path txt = Files.writeString(dir.resolve("x.txt"), "1 2 3");
        assertThatThrownBy(() -> OnnxInputs.read(onnx, file, List.of(txt, txt)))
                .hasMessageContaining(file + " takes 1 inputs").hasMessageContaining("got 2 --input");
        assertThatThrownBy(() -> OnnxInputs.read(onnx, file, List.of(txt))).hasMessageContaining(txt + " is neither a .pb tensor nor an image");
        Path png = dir.resolve("one.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        assertThatThrownBy(() -> OnnxInputs.read(onnx, file, List.of(png))).hasMessageContaining("the model takes 5 channels");
        assertThatThrownBy(() -> OnnxInputs.read(onnx, file, List.of(dir.resolve("gone.png")))).hasMessageContaining("no such file");
    }
}
