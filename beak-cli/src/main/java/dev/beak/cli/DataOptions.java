package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.data.Mnist;
import dev.beak.dataset.TensorDataset;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Where the data comes from: IDX files by path, a folder of them, or the embedded MNIST sample. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with IDX files named as MNIST's (train-images-idx3-ubyte[.gz], ...). Default: the embedded 10k MNIST sample.")
    Path dir;

    @Option(names = "--train-images", paramLabel = "FILE", description = "IDX file of training images.")
    Path trainImages;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "IDX file of training labels.")
    Path trainLabels;

    @Option(names = "--test-images", paramLabel = "FILE", description = "IDX file of test images.")
    Path testImages;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "IDX file of test labels.")
    Path testLabels;

    TensorDataset train() throws IOException {
        return split("train", trainImages, trainLabels);
    }

    TensorDataset test() throws IOException {
        return split("test", testImages, testLabels);
    }

    String describe() {
        if (dir != null) return dir.toString();
        if (trainImages != null || testImages != null) return "IDX files";
        return "the embedded MNIST sample (8,000 train / 2,000 test)";
    }

    private TensorDataset split(String split, Path images, Path labels) throws IOException {
        if (images != null || labels != null) {
            if (images == null || labels == null) {
                throw new IllegalArgumentException("--" + split + "-images and --" + split + "-labels go together");
            }
            return Mnist.load(images, labels);
        }
        if (dir != null) return Mnist.loadDir(dir, split);
        return split.equals("train") ? EmbeddedMnist.train() : EmbeddedMnist.test();
    }
}
