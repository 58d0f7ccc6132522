package dev.beak.spark;

import dev.beak.data.Cifar;
import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.dataset.TensorDataset;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Sample files that every executor reads itself (partition-local loading: no sample passes through
 * the driver). Paths must name the same files on every node (a shared file system, or the same copy
 * on each); the embedded MNIST sample travels inside beak-data's jar.
 */
public sealed interface SampleSource extends Serializable {
    /** The whole split, as the executor reads it; each partition keeps its own share. */
    TensorDataset load() throws IOException;

    String describe();

    /** The 10,000-digit MNIST sample inside beak-data: split {@code train} (8,000) or {@code test} (2,000). */
    record EmbeddedMnistSplit(String split) implements SampleSource {
        @Override public TensorDataset load() {
            return split.equals("test") ? EmbeddedMnist.test() : EmbeddedMnist.train();
        }

        @Override public String describe() {
            return "the embedded MNIST sample (" + split + ")";
        }
    }

    /** IDX files in MNIST's names ({@code train-images-idx3-ubyte[.gz]}, ...) in folder {@code dir}. */
    record IdxFolder(String dir, String split) implements SampleSource {
        @Override public TensorDataset load() throws IOException {
            return Mnist.loadDir(Path.of(dir), split);
        }

        @Override public String describe() {
            return dir + " (IDX, " + split + ")";
        }
    }

    /** CIFAR-10 or CIFAR-100 binary files in folder {@code dir}. */
    record CifarFolder(String dir, String split) implements SampleSource {
        @Override public TensorDataset load() throws IOException {
            return Cifar.loadDir(Path.of(dir), split);
        }

        @Override public String describe() {
            return dir + " (CIFAR binary, " + split + ")";
        }
    }
}
