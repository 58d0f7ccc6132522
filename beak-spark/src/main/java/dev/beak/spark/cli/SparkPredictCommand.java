package dev.beak.spark.cli;

import dev.beak.command.Json;
import dev.beak.command.OutputOptions;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.spark.SparkPredictor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code beak spark predict}: scores every image under a path on Spark ({@link SparkPredictor}); prints
 * the predictions, or with {@code --out} writes them as JSON lines (one part file per partition).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify the images under a path on Spark (the model broadcast once per executor, images scored in batches per partition).")
final class SparkPredictCommand implements Callable<Integer> {
    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A .beak model file.")
    Path model;

    @Option(names = "--images", required = true, paramLabel = "PATH", description = "Folder (searched recursively) or glob of JPEG/PNG/BMP/GIF images; any path Spark reads.")
    String images;

    @Option(names = "--top", defaultValue = "1", description = "Classes per image, most probable first (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--batch-size", defaultValue = "64", description = "Images scored together in a partition (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--partitions", description = "Repartition the images first (default: as Spark lists them).")
    Integer partitions;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the predictions as JSON lines into DIR instead of printing them.")
    String out;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        SavedModel saved = ModelFile.load(model);
        PrintWriter text = output.human();
        SparkSession spark = Sessions.open(master, "beak spark predict");
        try {
            Dataset<Row> files = SparkData.images(spark, images);
            if (partitions != null) files = files.repartition(partitions);
            Dataset<Row> scored = SparkPredictor.predict(files, saved, top, batchSize).drop("content", "modificationTime", "length");
            if (out != null) {
                scored.write().json(out);
                long n = spark.read().json(out).count();
                text.printf(Locale.ROOT, "Scored %,d images; predictions written to %s%n", n, out);
                output.result(Json.object("images", n, "out", out));
            } else {
                List<Row> rows = scored.orderBy("path").collectAsList();
                List<Map<String, Object>> all = new ArrayList<>();
                for (Row r : rows) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("path", r.getString(r.fieldIndex("path")));
                    List<Map<String, Object>> ranked = new ArrayList<>();
                    StringBuilder line = new StringBuilder(one.get("path").toString());
                    for (Row c : r.<Row>getList(r.fieldIndex(SparkPredictor.TOP_K))) {
                        ranked.add(Json.object("class", c.getInt(0), "name", c.getString(1), "probability", c.getDouble(2)));
                        line.append(String.format(Locale.ROOT, "  %s %.4f", c.getString(1), c.getDouble(2)));
                    }
                    one.put("top", ranked);
                    all.add(one);
                    text.println(line);
                }
                text.printf(Locale.ROOT, "Scored %,d images%n", rows.size());
                output.result(Json.object("predictions", all, "images", all.size()));
            }
        } finally {
            spark.stop();
        }
        return 0;
    }
}
