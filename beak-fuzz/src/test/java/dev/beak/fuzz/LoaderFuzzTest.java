package dev.beak.fuzz;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fuzzing run of the test suite: each loader gets a few hundred mutated inputs (at most a
 * few seconds) from a fixed seed, so a run repeats; the long campaign is {@code ./fuzz}.
 */
class LoaderFuzzTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static List<String> harnesses() {
        return Harnesses.all().stream().map(Harness::name).toList();
    }

    @ParameterizedTest
    @MethodSource("harnesses")
    void mutatedInputsAreLoadedOrRefusedCleanly(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Campaign.Result r = Campaign.run(Harnesses.named(name), 400, 4, 7, Campaign.Limits.DEFAULT, tmp.resolve("scratch"),
                Path.of("target", "fuzz-findings"));
        assertThat(r.failures()).as(r.line() + " (inputs kept under target/fuzz-findings/" + name + ")").isZero();
        assertThat(r.inputs()).isGreaterThan(20);
        assertThat(r.refused()).as("the mutations reach the loader's checks").isPositive();
    }

    @ParameterizedTest
    @MethodSource("harnesses")
    void everySeedLoads(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Harness h = Harnesses.named(name);
        for (byte[] seed : h.seeds()) {
            Path file = tmp.resolve(h.fileName());
            java.nio.file.Files.write(file, seed);
            h.load(file, tmp);
        }
    }
}
