package dev.beak.spark;

import dev.beak.data.DataFileException;
import dev.beak.data.image.ColorMode;
import dev.beak.data.image.InputGeometry;
import dev.beak.data.image.InputRange;
import dev.beak.data.image.ResizeMode;
import dev.beak.tensor.Shape;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Training data from a DataFrame of encoded images (Spark's {@code binaryFile} source: {@code path},
 * {@code content}): each partition decodes its own rows with the given input geometry (size, colour,
 * resize, crop, range; fitted preprocessing comes later, from the model) into one cached block. Labels
 * come from a column (class indices as integers, or class names as strings) or, without one, from
 * each image's folder name ({@code flowers/rose/1.jpg} is a {@code rose}); names are sorted to give
 * the class indices, as {@code ImageFolder} does.
 *
 * {@snippet :
 * Dataset<Row> images = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load("flowers/");
 * TrainingData data = ImageRows.trainingData(images, geometry, null, 4);   // labels from the folders
 * }
 */
public final class ImageRows {
    private ImageRows() {}

    /**
     * @param labelColumn the label column, or null for folder names
     * @param partitions  partitions to spread the images over (0: keep the DataFrame's)
     */
    public static TrainingData trainingData(Dataset<Row> images, InputGeometry geometry, String labelColumn, int partitions) {
        List<String> columns = Arrays.asList(images.columns());
        if (!columns.contains("path") || !columns.contains("content")) {
            throw new IllegalArgumentException("the images need columns \"path\" and \"content\" (spark.read().format(\"binaryFile\")), got " + columns);
        }
        if (labelColumn != null && !columns.contains(labelColumn)) {
            throw new IllegalArgumentException("label column \"" + labelColumn + "\" is not among the columns " + columns);
        }
        DataType labelType = labelColumn == null ? DataTypes.StringType : images.schema().apply(labelColumn).dataType();
        boolean indices = labelType.equals(DataTypes.IntegerType) || labelType.equals(DataTypes.LongType);
        if (!indices && !labelType.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("label column \"" + labelColumn + "\" holds " + labelType.simpleString() + "; expected integers (class indices) or strings (class names)");
        }
        Dataset<Row> rows = images.select(images.col("path"), images.col("content"),
                labelColumn == null ? images.col("path").as("label_source") : images.col(labelColumn).as("label_source"));
        if (partitions > 0) rows = rows.repartition(partitions);
        boolean folders = labelColumn == null;
        List<String> classes = indices ? List.of() : rows.javaRDD().map(r -> name(r, folders)).distinct().collect().stream().sorted().toList();
        Map<String, Integer> classIndex = IntStream.range(0, classes.size()).boxed().collect(Collectors.toMap(classes::get, Function.identity()));
        Geometry g = Geometry.of(geometry);
        JavaRDD<SampleBlock> blocks = rows.javaRDD().zipWithIndex().mapPartitions(part -> decode(part, g.geometry(), folders, indices, classIndex));
        return TrainingData.cache(blocks, classes);
    }

    /** {@link InputGeometry}'s fields, to travel inside a Spark closure. */
    private record Geometry(int height, int width, ColorMode color, ResizeMode resize, int cropHeight, int cropWidth, InputRange range)
            implements Serializable {
        static Geometry of(InputGeometry g) {
            return new Geometry(g.height(), g.width(), g.color(), g.resize(), g.cropHeight(), g.cropWidth(), g.range());
        }

        InputGeometry geometry() {
            return new InputGeometry(height, width, color, resize, cropHeight, cropWidth, range);
        }
    }

    /** A row's class name: its label string, or the name of the folder that holds the image. */
    private static String name(Row r, boolean folders) {
        if (!folders) {
            if (r.isNullAt(2)) throw new IllegalArgumentException(r.getString(0) + ": the label is missing (null)");
            return r.getString(2);
        }
        String path = r.getString(2);
        int end = path.lastIndexOf('/'), start = path.lastIndexOf('/', end - 1);
        if (end <= 0) throw new IllegalArgumentException(path + ": the image is in no folder, so it has no label; give a label column");
        return path.substring(start + 1, end);
    }

    private static Iterator<SampleBlock> decode(Iterator<Tuple2<Row, Long>> part, InputGeometry geometry, boolean folders, boolean indices,
                                                Map<String, Integer> classIndex) throws DataFileException {
        List<byte[]> contents = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        while (part.hasNext()) {
            Tuple2<Row, Long> t = part.next();
            Row r = t._1();
            paths.add(r.getString(0));
            contents.add((byte[]) r.get(1));
            order.add(Math.toIntExact(t._2()));
            if (indices) {
                if (r.isNullAt(2)) throw new IllegalArgumentException(r.getString(0) + ": the label is missing (null)");
                labels.add((float) ((Number) r.get(2)).longValue());
            } else {
                labels.add((float) classIndex.get(name(r, folders)));
            }
        }
        int[] sample = geometry.sampleShape();
        if (contents.isEmpty()) return List.of(new SampleBlock(new int[0], new float[0], new float[0], sample, new int[0])).iterator();
        float[] x = geometry.readBytes(contents, paths).data();
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) y[i] = labels.get(i);
        int[] idx = order.stream().mapToInt(Integer::intValue).toArray();
        if (Shape.size(sample) * idx.length != x.length) throw new IllegalStateException("decoded " + x.length + " values for " + idx.length + " images");
        return List.of(new SampleBlock(idx, x, y, sample, new int[0])).iterator();
    }
}
