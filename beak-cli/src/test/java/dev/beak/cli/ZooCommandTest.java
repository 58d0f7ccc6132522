package dev.beak.cli;

import dev.beak.data.image.SyntheticShapes;
import dev.beak.nn.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static dev.beak.cli.CliRun.beak;
import static org.assertj.core.api.Assertions.assertThat;

/** Zoo networks by name on the command line: {@code zoo}, {@code summary NAME}, {@code train --model NAME}. */
class ZooCommandTest {
    @TempDir Path dir;

    @Test
    void zooListsEveryNetworkWithParametersAndFlops() {
        CliRun r = beak("zoo", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        for (String name : Zoo.names()) assertThat(r.err()).contains(name);
        assertThat(r.err()).contains("138,357,544").contains("15.47 G").contains("25,557,032");
        assertThat(r.lastLine()).startsWith("{\"networks\":[").contains("\"name\":\"densenet121\"").contains("\"parameters\":7978856");
    }

    @Test
    void summaryOfVgg16CarriesTheTotals() {
        CliRun r = beak("summary", "vgg16", "--json", "--batch-size", "4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("conv1_1 (Conv2d)", "(None, 64, 224, 224)", "3,211,264", "Total params: 138,357,544 (553.4 MB)",
                "Total activations: 15,237,608", "Total multiply-adds: 15,470,264,320");
        assertThat(r.lastLine()).startsWith("{\"model\":\"vgg16\"").contains("\"parameters\":138357544", "\"activations\":15237608",
                "\"multiply_adds\":15470264320", "\"flops\":30940528640", "\"batch\":4", "\"training_bytes\":");
    }

    @Test
    void summaryTakesTheNetworkOptionsAndRefusesThemForFiles() {
        CliRun r = beak("summary", "resnet18", "--classes", "10", "--input-shape", "3,32,32");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fc (Dense)", "(None, 10)", "(None, 512, 1, 1)");
        CliRun bad = beak("summary", "cifar", "--classes", "3");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--classes applies to zoo networks");
        CliRun unknown = beak("summary", "vgg17");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("zoo network");
    }

    @Test
    void lenetTrainsOnMnistByName() {
        CliRun r = beak("train", "--model", "lenet5", "--input-shape", "1,28,28", "--epochs", "1", "--out", dir.resolve("lenet.beak").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).startsWith("{");
        assertThat(dir.resolve("lenet.beak")).exists();
    }

    /** The notes' TFLearn AlexNet (LRN, momentum 0.9) on an image folder, at a reduced width and input so that it is quick. */
    @Test
    void alexnetTflearnTrainsOnAnImageFolder() throws IOException {
        Path flowers = SyntheticShapes.write(dir.resolve("flowers"), 2, 8, 64, 5);
        CliRun r = beak("train", "--model", "alexnet-tflearn", "--classes", "2", "--input-shape", "3,64,64", "--width", "0.125",
                "--data", flowers.toString(), "--optimizer", "sgd", "--lr", "0.001", "--momentum", "0.9", "--epochs", "1", "--batch-size", "4",
                "--out", dir.resolve("alexnet.beak").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Classes: circle, square");
        assertThat(dir.resolve("alexnet.beak")).exists();
    }
}
