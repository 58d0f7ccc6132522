/**
 * Beak on Apache Spark: synchronous data-parallel training ({@link dev.beak.spark.SparkTrainer}: per
 * round the driver broadcasts the state and the global batch, each partition computes the summed
 * gradient of its members of the batch, {@code treeAggregate} adds them, the driver steps the
 * optimizer), training data cached on the executors ({@link dev.beak.spark.TrainingData} from files
 * each executor reads itself, {@link dev.beak.spark.ImageRows} from a {@code binaryFile} DataFrame),
 * and DataFrame inference ({@link dev.beak.spark.SparkPredictor}).
 *
 * <p>Invariants: a task reads only broadcasts and its cached block and writes only into a model copy
 * that the next round overwrites, so Spark may retry it; the optimizer's state lives on the driver;
 * models travel as Beak model files, never by Java serialization of the model.
 */
package dev.beak.spark;
