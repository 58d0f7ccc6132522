package dev.beak.spark;

import dev.beak.data.EmbeddedMnist;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Scoring a DataFrame of PNG files on Spark gives what {@code Model.predict} gives for the same decoded images. */
class PredictionTest {
    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(d -> "digit" + d).toList();
    static final InputGeometry GREY_28 = InputGeometry.of(28, 28, ColorMode.GREY, ResizeMode.CROP, InputRange.UNIT);

    /** The first {@code n} test digits as PNG files in {@code dir/digitK/i.png}. */
    static List<Path> writeDigits(Path dir, int n) throws IOException {
        TensorDataset test = EmbeddedMnist.test();
        List<Path> files = new ArrayList<>();
        float[] x = test.x().data(), y = test.y().data();
        for (int i = 0; i < n; i++) {
            float[] pixels = new float[784];
            for (int j = 0; j < 784; j++) pixels[j] = Math.round(x[i * 784 + j] * 255);
            Path f = dir.resolve(DIGITS.get((int) y[i])).resolve(String.format("%04d.png", i));
            Files.createDirectories(f.getParent());
            ImageFiles.write(new FloatImage(1, 28, 28, pixels), f);
            files.add(f);
        }
        return files;
    }

    @Test
    void dataFrameInferenceEqualsModelPredict(@TempDir Path dir) throws IOException {
        List<Path> files = writeDigits(dir, 40);
        Model model = GradientAveragingTest.network();
        SavedModel saved = new SavedModel(model, Map.of(), null, DIGITS, GREY_28, null);
        Dataset<Row> images = LocalSpark.session().read().format("binaryFile").option("recursiveFileLookup", "true").load(dir.toString()).repartition(2);
        List<Row> rows = new ArrayList<>(SparkPredictor.predict(images, saved, 3, 16).drop("content").collectAsList());
        rows.sort(Comparator.comparing(r -> r.getString(r.fieldIndex("path"))));
        assertThat(rows).hasSize(files.size());

        files.sort(Comparator.naturalOrder());
        Tensor expected = Ops.softmax(model.predict(GREY_28.read(files), 256));
        for (int i = 0; i < files.size(); i++) {
            Row r = rows.get(i);
            assertThat(r.getString(r.fieldIndex("path"))).endsWith(files.get(i).getFileName().toString());
            float[] p = java.util.Arrays.copyOfRange(expected.data(), i * 10, i * 10 + 10);
            int best = argMax(p);
            assertThat(r.getInt(r.fieldIndex(SparkPredictor.CLASS))).isEqualTo(best);
            assertThat(r.getString(r.fieldIndex(SparkPredictor.CLASS_NAME))).isEqualTo(DIGITS.get(best));
            assertThat(r.getDouble(r.fieldIndex(SparkPredictor.PROBABILITY))).isCloseTo(p[best], within(1e-6));
            List<Row> top = r.getList(r.fieldIndex(SparkPredictor.TOP_K));
            assertThat(top).hasSize(3);
            for (Row c : top) assertThat(c.getDouble(2)).isCloseTo(p[c.getInt(0)], within(1e-6));
            assertThat(top.get(0).getDouble(2)).isGreaterThanOrEqualTo(top.get(1).getDouble(2));
        }
    }

    private static int argMax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
