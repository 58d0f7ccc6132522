package dev.beak.spark.cli;

import dev.beak.data.Cifar;
import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.data.image.InputGeometry;
import dev.beak.dataset.TensorDataset;
import dev.beak.spark.ImageRows;
import dev.beak.spark.SampleSource;
import dev.beak.spark.TrainingData;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --data} argument on Spark: none (the embedded MNIST sample), a folder of IDX or CIFAR
 * files (each executor reads its share), or a folder of images in class subfolders (Spark's
 * {@code binaryFile} source; labels from the folder names). The test split goes to the driver.
 */
record SparkData(TrainingData train, TensorDataset test, String description) {
    static SparkData open(SparkSession spark, String data, String testData, int partitions, InputGeometry geometry) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (data == null) {
            return new SparkData(TrainingData.load(sc, new SampleSource.EmbeddedMnistSplit("train"), partitions), EmbeddedMnist.test(),
                    "the embedded MNIST sample (8,000 train / 2,000 test)");
        }
        Path dir = Path.of(data);
        if (!Files.isDirectory(dir) && !data.contains("://")) throw new IllegalArgumentException("--data " + data + ": no such folder");
        if (Files.isDirectory(dir) && Cifar.isCifarDir(dir)) {
            return new SparkData(TrainingData.load(sc, new SampleSource.CifarFolder(data, "train"), partitions), Cifar.loadDir(dir, "test"),
                    data + " (CIFAR binary)");
        }
        if (Files.isDirectory(dir) && hasIdx(dir)) {
            return new SparkData(TrainingData.load(sc, new SampleSource.IdxFolder(data, "train"), partitions), Mnist.loadDir(dir, "test"),
                    data + " (IDX)");
        }
        TrainingData train = ImageRows.trainingData(images(spark, data), geometry, null, partitions);
        TensorDataset test = null;
        if (testData != null) {
            TrainingData t = ImageRows.trainingData(images(spark, testData), geometry, null, partitions);
            if (!t.classes().equals(train.classes())) {
                throw new IllegalArgumentException("--test-data " + testData + " has classes " + t.classes() + " but --data has " + train.classes());
            }
            test = t.sample(Integer.MAX_VALUE);
            t.release();
        }
        return new SparkData(train, test, data + " (images, labels from folder names; " + train.classes().size() + " classes)");
    }

    /** The image files under {@code location}, recursively (JPEG, PNG, BMP, GIF by name). */
    static Dataset<Row> images(SparkSession spark, String location) {
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(location)
                .filter(functions.lower(functions.col("path")).rlike("\\.(jpe?g|png|bmp|gif)$"));
    }

    private static boolean hasIdx(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("train-images-idx3-ubyte"));
        }
    }
}
