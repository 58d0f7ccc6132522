package dev.beak.spark;

import dev.beak.data.DataFileException;
import dev.beak.io.ImageClassifier;
import dev.beak.io.ImageClassifier.RankedClass;
import dev.beak.io.SavedModel;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Distributed inference: a DataFrame of encoded images (Spark's {@code binaryFile} source: {@code path}
 * and {@code content}) gets the model's prediction as new columns: {@code class} (index),
 * {@code class_name}, {@code probability} (softmax of the best class) and {@code top_k} (the best
 * {@code k} classes, most probable first, each with class, name and probability). Images are decoded
 * with the model file's input geometry and preprocessing, exactly as {@code beak predict} does. The
 * model travels once to each executor (a broadcast of its file); each partition scores its rows in
 * batches.
 *
 * {@snippet :
 * Dataset<Row> images = spark.read().format("binaryFile").option("pathGlobFilter", "*.png").load("digits/");
 * Dataset<Row> scored = SparkPredictor.predict(images, ModelFile.load(Path.of("mnist.beak")), 3, 64).drop("content");
 * }
 */
public final class SparkPredictor {
    public static final String CLASS = "class", CLASS_NAME = "class_name", PROBABILITY = "probability", TOP_K = "top_k";
    private static final StructType RANKED = new StructType()
            .add("class", DataTypes.IntegerType, false).add("name", DataTypes.StringType, false).add("probability", DataTypes.DoubleType, false);

    private SparkPredictor() {}

    /** {@code images} with the prediction columns added; {@code path} and {@code content} are required, other columns pass through. */
    public static Dataset<Row> predict(Dataset<Row> images, SavedModel model, int topK, int batchSize) {
        if (topK < 1) throw new IllegalArgumentException("top-k needs k >= 1, got " + topK);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        StructType in = images.schema();
        List<String> names = Arrays.asList(in.fieldNames());
        if (!names.contains("path") || !names.contains("content")) {
            throw new IllegalArgumentException("the images need columns \"path\" and \"content\" (spark.read().format(\"binaryFile\")), got " + names);
        }
        int pathAt = names.indexOf("path"), contentAt = names.indexOf("content");
        ImageClassifier.of(model); // fails here, on the driver, when the model cannot score images
        SparkSession spark = images.sparkSession();
        Broadcast<byte[]> shipped = spark.sparkContext().broadcast(ModelBytes.of(model), scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
        StructType out = in.add(CLASS, DataTypes.IntegerType, false).add(CLASS_NAME, DataTypes.StringType, false)
                .add(PROBABILITY, DataTypes.DoubleType, false).add(TOP_K, DataTypes.createArrayType(RANKED, false), false);
        JavaRDD<Row> scored = images.javaRDD().mapPartitions(rows -> new Scoring(rows, shipped, pathAt, contentAt, topK, batchSize));
        return spark.createDataFrame(scored, out);
    }

    /** One partition's rows, scored a batch at a time with a model copy borrowed for the partition. */
    private static final class Scoring implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final Broadcast<byte[]> shipped;
        private final int pathAt, contentAt, topK, batchSize;
        private SavedModel copy;
        private ImageClassifier classifier;
        private List<Row> ready = List.of();
        private int next;

        Scoring(Iterator<Row> rows, Broadcast<byte[]> shipped, int pathAt, int contentAt, int topK, int batchSize) {
            this.rows = rows;
            this.shipped = shipped;
            this.pathAt = pathAt;
            this.contentAt = contentAt;
            this.topK = topK;
            this.batchSize = batchSize;
        }

        @Override
        public boolean hasNext() {
            if (next < ready.size()) return true;
            if (!rows.hasNext()) {
                if (copy != null) Replicas.giveBack(shipped, copy);
                copy = null;
                return false;
            }
            ready = scoreBatch();
            next = 0;
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return ready.get(next++);
        }

        private List<Row> scoreBatch() {
            if (copy == null) {
                copy = Replicas.borrow(shipped);
                classifier = ImageClassifier.of(copy);
            }
            List<Row> batch = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            while (rows.hasNext() && batch.size() < batchSize) {
                Row r = rows.next();
                batch.add(r);
                sources.add(r.getString(pathAt));
                contents.add((byte[]) r.get(contentAt));
            }
            List<List<RankedClass>> ranked;
            try {
                ranked = classifier.rank(classifier.geometry().readBytes(contents, sources), topK);
            } catch (DataFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            List<Row> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                List<RankedClass> top = ranked.get(i);
                Object[] values = Arrays.copyOf(toArray(batch.get(i)), batch.get(i).size() + 4);
                int at = batch.get(i).size();
                values[at] = top.getFirst().index();
                values[at + 1] = top.getFirst().name();
                values[at + 2] = top.getFirst().probability();
                values[at + 3] = CollectionConverters.asScala(top.stream().map(c -> RowFactory.create(c.index(), c.name(), c.probability())).toList());
                out.add(RowFactory.create(values));
            }
            return out;
        }

        private static Object[] toArray(Row r) {
            Object[] v = new Object[r.size()];
            for (int i = 0; i < v.length; i++) v[i] = r.get(i);
            return v;
        }
    }
}
