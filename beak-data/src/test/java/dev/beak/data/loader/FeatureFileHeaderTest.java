package dev.beak.data.loader;

import dev.beak.data.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feature-file headers whose shapes cannot be a dataset are one DataFileException naming the file
 * (found by beak-fuzz's feature-file harness: they escaped as a LimitExceededException).
 */
class FeatureFileHeaderTest {
    @TempDir
    Path dir;

    @Test
    void sampleShapesOverTheTensorLimitAreRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("huge.features");
        Files.write(file, FeatureFile.header(3, new int[] {2_063_597_574, 3}, new int[] {}));
        assertThatThrownBy(() -> FeatureFile.open(file)).isInstanceOf(DataFileException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("sample shape (2063597574, 3) too large");
    }

    @Test
    void emptySamplesAreRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("empty.features");
        Files.write(file, FeatureFile.header(Integer.MAX_VALUE, new int[] {4, 0}, new int[] {}));
        assertThatThrownBy(() -> FeatureFile.open(file)).isInstanceOf(DataFileException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("empty sample shape (4, 0)");
    }

    @Test
    void aWellFormedHeaderStillOpens() throws IOException {
        Path file = dir.resolve("ok.features");
        byte[] head = FeatureFile.header(2, new int[] {3}, new int[] {});
        byte[] values = FeatureFile.littleEndian(new float[] {1, 2, 3, 4, 5, 6, 0, 1});
        byte[] all = java.util.Arrays.copyOf(head, head.length + values.length);
        System.arraycopy(values, 0, all, head.length, values.length);
        Files.write(file, all);
        FeatureFile f = FeatureFile.open(file);
        float[] x = new float[3], y = new float[1];
        f.copy(1, x, 0, y, 0);
        assertThat(x).containsExactly(4, 5, 6);
        assertThat(y).containsExactly(1);
    }
}
