package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end, on small IDX files cut from the embedded MNIST sample. */
class CliTest {
    @TempDir Path dir;

    /** Writes the first n samples of d as MNIST-named IDX files (uncompressed). */
    static void writeIdx(TensorDataset d, int n, Path images, Path labels) throws IOException {
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(images))) {
            o.writeInt(0x00000803);
            o.writeInt(n);
            o.writeInt(28);
            o.writeInt(28);
            for (int i = 0; i < n * 784; i++) o.writeByte(Math.round(d.x().data()[i] * 255f));
        }
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(labels))) {
            o.writeInt(0x00000801);
            o.writeInt(n);
            for (int i = 0; i < n; i++) o.writeByte((int) d.y().data()[i]);
        }
    }

    private static double figure(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.eE+-]+)").matcher(json);
        assertThat(m.find()).as("%s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainThenEvaluateTheSavedModelGivesTheSameAccuracy() throws IOException {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        writeIdx(EmbeddedMnist.train(), 600, data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte"));
        writeIdx(EmbeddedMnist.test(), 300, data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte"));
        Path model = dir.resolve("out/m.beak");
        CliRun train = beak("train", "--model", "mnist", "--data", data.toString(), "--epochs", "1", "--batch-size", "32",
                "--out", model.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("Epoch 1/1").contains("Test accuracy");
        double trained = figure(train.lastLine(), "test_accuracy");
        assertThat(trained).isGreaterThan(0.6);
        assertThat(figure(train.lastLine(), "epochs")).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out/m.history.csv"))).startsWith("epoch,loss,accuracy,val_loss,val_accuracy");

        CliRun eval = beak("evaluate", model.toString(), "--data", data.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(figure(eval.lastLine(), "test_accuracy")).isEqualTo(trained);

        CliRun predict = beak("predict", model.toString(), "--data", data.toString(), "--count", "5");
        assertThat(predict.code()).as(predict.err()).isZero();
        assertThat(predict.out()).contains("image 4: class ");
    }

    @Test
    void summaryOfTheCifarNetPrintsKerasCounts() {
        CliRun r = beak("summary", "cifar");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(None, 32, 30, 30)       896").contains("(None, 64)               65,600")
                .contains("Total params: 122,570");
    }

    @Test
    void errorsAreOneClearLine() throws IOException {
        CliRun missing = beak("evaluate", dir.resolve("nope.beak").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("is neither a model file nor a known network").doesNotContain("Exception");

        Path junk = Files.writeString(dir.resolve("junk.beak"), "junk");
        CliRun bad = beak("evaluate", junk.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains(junk + ": not a Beak model file");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun noData = beak("train", "--data", empty.toString(), "--epochs", "1");
        assertThat(noData.code()).isEqualTo(1);
        assertThat(noData.err()).contains("no MNIST file here");
    }
}
