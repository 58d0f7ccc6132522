package dev.beak.cli;

import dev.beak.data.preprocess.Preprocessing;
import dev.beak.io.ModelFile;
import dev.beak.io.Npy;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.zoo.Zoo;
import dev.beak.onnx.OnnxTensors;
import dev.beak.tensor.Tensor;
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

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code beak convert} between .beak, .onnx and named networks; {@code beak run} on .npy, .pb and images. */
class ConvertRunCommandTest {
    @TempDir Path dir;

    @Test
    void aNamedNetworkConvertsToOnnxAndBothRunAlike() throws IOException {
        Path onnx = dir.resolve("lenet.onnx"), x = dir.resolve("x.npy"), fromName = dir.resolve("a.npy"), fromOnnx = dir.resolve("b.npy");
        CliRun convert = beak("convert", "lenet5", onnx.toString(), "--seed", "3", "--json");
        assertThat(convert.code()).as(convert.err()).isZero();
        assertThat(convert.out().strip()).startsWith("{\"input\":\"lenet5\",\"input_format\":\"network\"").contains("\"output_format\":\"onnx\"", "\"parameters\":61706")
                .doesNotContain("\n");
        Npy.write(Tensor.randn(new SplittableRandom(1), 3, 1, 32, 32), x);
        assertThat(beak("run", "lenet5", "--seed", "3", "--input", x.toString(), "--output", fromName.toString()).code()).isEqualTo(2);  // run takes no --seed
        CliRun a = beak("run", "lenet5", "--input", x.toString(), "--output", fromName.toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(beak("convert", "lenet5", onnx.toString()).out()).startsWith("wrote " + onnx + " (onnx): ");
        CliRun b = beak("run", onnx.toString(), "--input", x.toString(), "--output", fromOnnx.toString(), "--json");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out().strip()).startsWith("{\"model\":\"" + onnx + "\",\"input_shapes\":[[3,1,32,32]],\"outputs\":[{\"shape\":[3,10],\"min\":")
                .doesNotContain("\n");
        assertClose(Npy.read(fromOnnx), Npy.read(fromName));
    }

    @Test
    void classNamesAndPreprocessingSurviveBeakToOnnxToBeak() throws IOException {
        Model model = Zoo.get("lenet5").build(Zoo.get("lenet5").defaults().withClasses(3).withSeed(2));
        var preprocessing = new Preprocessing(List.of(new dev.beak.data.preprocess.ChannelStandardize(new float[] {0.5f}, new float[] {0.25f})));
        Path beakFile = dir.resolve("m.beak"), onnx = dir.resolve("m.onnx"), back = dir.resolve("back.beak");
        ModelFile.save(new SavedModel(model, Map.of("note", "trained"), preprocessing, List.of("cat", "dog", "owl")), beakFile);
        assertThat(beak("convert", beakFile.toString(), onnx.toString()).code()).isZero();
        assertThat(beak("convert", onnx.toString(), back.toString()).code()).isZero();
        SavedModel loaded = ModelFile.load(back);
        assertThat(loaded.classNames()).containsExactly("cat", "dog", "owl");
        assertThat(loaded.metadata()).containsEntry("note", "trained");
        Tensor probe = Tensor.randn(new SplittableRandom(8), 2, 1, 32, 32);
        assertThat(loaded.preprocessing().apply(probe).data()).containsExactly(preprocessing.apply(probe).data());
        Path x = dir.resolve("x.npy"), y1 = dir.resolve("y1.npy"), y2 = dir.resolve("y2.npy");
        Npy.write(Tensor.randn(new SplittableRandom(4), 2, 1, 32, 32), x);
        assertThat(beak("run", beakFile.toString(), "--input", x.toString(), "--preprocess", "--output", y1.toString()).code()).isZero();
        assertThat(beak("run", back.toString(), "--input", x.toString(), "--preprocess", "--output", y2.toString()).code()).isZero();
        assertClose(Npy.read(y2), Npy.read(y1));
    }

    @Test
    void channelsLastArraysAndOneSampleWithoutABatchAxis() throws IOException {
        Tensor x = Tensor.randn(new SplittableRandom(5), 2, 3, 32, 32);
        Path first = dir.resolve("first.npy"), last = dir.resolve("last.npy"), one = dir.resolve("one.npy");
        Npy.write(x, first);
        Npy.write(dev.beak.ops.Ops.transpose(x, 0, 2, 3, 1), last);
        Npy.write(Tensor.of(java.util.Arrays.copyOf(x.data(), 3 * 32 * 32), 3, 32, 32), one);
        Path y1 = dir.resolve("y1.npy"), y2 = dir.resolve("y2.npy"), y3 = dir.resolve("y3.npy");
        String[] net = {"--input-shape", "3,32,32", "--classes", "4", "--width", "0.25"};
        assertThat(beak(join(new String[] {"run", "resnet18", "--input", first.toString(), "--output", y1.toString()}, net)).code()).isZero();
        assertThat(beak(join(new String[] {"run", "resnet18", "--input", last.toString(), "--channels-last", "--output", y2.toString()}, net)).code()).isZero();
        assertThat(beak(join(new String[] {"run", "resnet18", "--input", one.toString(), "--output", y3.toString()}, net)).code()).isZero();
        assertClose(Npy.read(y2), Npy.read(y1));
        assertThat(Npy.read(y3).shape()).containsExactly(1, 4);
        assertThat(Npy.read(y3).data()).containsExactly(java.util.Arrays.copyOf(Npy.read(y1).data(), 4));
    }

    @Test
    void onnxTensorsAndImagesAreInputsToo() throws IOException {
        Tensor x = Tensor.randn(new SplittableRandom(6), 1, 1, 28, 28);
        Path pb = dir.resolve("x.pb"), npy = dir.resolve("x.npy"), png = dir.resolve("digit.png");
        Files.write(pb, OnnxTensors.fromTensor("x", x).toByteArray());
        Npy.write(x, npy);
        Path y1 = dir.resolve("y1.npy"), y2 = dir.resolve("y2.npy");
        assertThat(beak("run", "mnist", "--input", pb.toString(), "--output", y1.toString()).code()).isZero();
        assertThat(beak("run", "mnist", "--input", npy.toString(), "--output", y2.toString()).code()).isZero();
        assertThat(Npy.read(y1).data()).containsExactly(Npy.read(y2).data());
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(20, 15, 0xffffff);
        ImageIO.write(img, "png", png.toFile());
        CliRun r = beak("run", "mnist", "--input", png.toString(), png.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).contains("\"input_shapes\":[[2,1,28,28]]", "\"shape\":[2,10]");
    }

    @Test
    void badInputFailsWithOneLineNamingTheFile() throws IOException {
        Path x = dir.resolve("wrong.npy");
        Npy.write(Tensor.zeros(2, 3, 28, 28), x);
        CliRun shape = beak("run", "mnist", "--input", x.toString());
        assertThat(shape.code()).isEqualTo(1);
        assertThat(shape.err().strip()).isEqualTo("beak run: " + x + ": array of shape (2, 3, 28, 28) does not fit the model's input (N, 1, 28, 28)"
                + " (channels first; --channels-last reads (N, H, W, C))");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThat(beak("run", "mnist", "--input", text.toString()).err()).contains(text + ": not an input file Beak reads");
        assertThat(beak("run", "mnist", "--input", x.toString(), "--output", "y.csv").err()).contains("--output y.csv: outputs are written as .npy files");
        CliRun format = beak("convert", "lenet5", dir.resolve("m.pt").toString());
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("m.pt: unknown model format; known: beak (.beak), onnx (.onnx), keras (.h5, .hdf5, .keras, model.json)").doesNotContain("\tat ");
        CliRun missing = beak("convert", dir.resolve("none.beak").toString(), dir.resolve("out.onnx").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file").contains("none.beak");
    }

    private static String[] join(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void assertClose(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        double scale = 0;
        for (float v : expected.data()) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < actual.size(); i++) assertThat((double) Math.abs(actual.data()[i] - expected.data()[i])).isLessThanOrEqualTo(1e-5 * scale + 1e-7);
    }
}
