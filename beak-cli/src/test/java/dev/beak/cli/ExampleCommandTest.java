package dev.beak.cli;

import dev.beak.data.Downloader;
import dev.beak.data.PublicDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** beak example: the list (as text and as one JSON object), and one-line errors. */
class ExampleCommandTest {
    @Test
    void listsEveryExampleWithItsData() {
        CliRun text = CliRun.beak("example", "list");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("text-language", "board-moves", "speech-digits", "mnist-cnn", "cifar10-cnn", "transfer", "SYNTHETIC");
        CliRun json = CliRun.beak("example", "list", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out().strip()).startsWith("{\"examples\":{").doesNotContain("\n")
                .contains("\"speech-digits\":{").contains("\"espeak-ng\"");
    }

    @Test
    void unknownExamplesAndMissingDataAreOneLineErrors() {
        CliRun unknown = CliRun.beak("example", "chess");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("unknown example \"chess\"").contains("text-language").doesNotContain("\tat ");
        Assumptions.assumeTrue(PublicDataset.CIFAR10.localCopy(Downloader.defaultCache()).isEmpty(), "a local CIFAR-10 exists: the example would train");
        CliRun cifar = CliRun.beak("example", "cifar10-cnn", "--quick", "--json");
        assertThat(cifar.code()).isNotZero();
        assertThat(cifar.out()).isEmpty();
        assertThat(cifar.err()).contains("no local copy of cifar10").contains("beak data get cifar10").doesNotContain("\tat ");
    }
}
