package dev.beak.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a {@code beak spark} command: {@code --master} if given, else the one spark-submit set, else local[*]. */
final class Sessions {
    private Sessions() {}

    static SparkSession open(String master, String appName) {
        SparkConf conf = new SparkConf(); // reads spark.* system properties, as spark-submit sets them
        String m = master != null ? master : conf.contains("spark.master") ? conf.get("spark.master") : "local[*]";
        if (m.startsWith("local") && System.getProperty("log4j2.configurationFile") == null) {
            // One machine from the command line: Spark's own INFO lines would drown Beak's output.
            System.setProperty("log4j2.configurationFile", String.valueOf(Sessions.class.getResource("log4j2-quiet.properties")));
        }
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(m);
        if (m.startsWith("local")) b = b.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        return b.getOrCreate();
    }
}
