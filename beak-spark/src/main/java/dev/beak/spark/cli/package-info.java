/**
 * {@code beak spark train|predict} ({@link dev.beak.spark.cli.SparkMain}), started by {@code ./beak spark}
 * or by {@code spark-submit --class dev.beak.spark.cli.SparkMain}.
 */
package dev.beak.spark.cli;
