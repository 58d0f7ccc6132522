package dev.beak.web.serve;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Arrays written by NumPy itself (src/test/resources/npy/make_npy.py) read back value for value. */
class NpyTensorTest {
    private static byte[] npy(String name) throws IOException {
        try (InputStream in = NpyTensorTest.class.getResourceAsStream("/npy/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void oneSampleOfFloat32GetsABatchDimension() throws IOException {
        Tensor t = NpyTensor.parse(npy("f4_1x2x3.npy"), new int[] {1, 2, 3});
        assertThat(t.shape()).containsExactly(1, 1, 2, 3);
        assertThat(t.data()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);
    }

    @Test
    void aBatchOfFloat64KeepsItsShape() throws IOException {
        Tensor t = NpyTensor.parse(npy("f8_2x1x2x3.npy"), new int[] {1, 2, 3});
        assertThat(t.shape()).containsExactly(2, 1, 2, 3);
        assertThat(t.data()[0]).isEqualTo(-5.5f);
        assertThat(t.data()[11]).isEqualTo(5.5f);
    }

    @Test
    void integerArraysAreRead() throws IOException {
        assertThat(NpyTensor.parse(npy("u1_2x3.npy"), new int[] {2, 3}).data()).containsExactly(0f, 1f, 2f, 253f, 254f, 255f);
        assertThat(NpyTensor.parse(npy("i8_1x2x3.npy"), new int[] {1, 2, 3}).data()).containsExactly(-3f, 0f, 7f, 1048576f, -1048576f, 2f);
    }

    @Test
    void whatCannotBeReadIsNamed() throws IOException {
        assertThatThrownBy(() -> NpyTensor.parse(npy("fortran_1x2x3.npy"), new int[] {1, 2, 3})).hasMessageContaining("Fortran order");
        assertThatThrownBy(() -> NpyTensor.parse(npy("big_endian_1x2x3.npy"), new int[] {1, 2, 3})).hasMessageContaining("'>f4'");
        assertThatThrownBy(() -> NpyTensor.parse(npy("f4_2x3.npy"), new int[] {1, 2, 3}))
                .hasMessageContaining("shape (2, 3) but the model takes (1, 2, 3)");
        byte[] cut = java.util.Arrays.copyOf(npy("f4_1x2x3.npy"), 140);
        assertThatThrownBy(() -> NpyTensor.parse(cut, new int[] {1, 2, 3})).hasMessageContaining("needs 24 bytes of values, the body has 12");
        byte[] header = java.util.Arrays.copyOf(npy("f4_1x2x3.npy"), 40);
        assertThatThrownBy(() -> NpyTensor.parse(header, new int[] {1, 2, 3})).hasMessageContaining("header runs past");
        assertThat(NpyTensor.isNpy("{\"input\": 1}".getBytes())).isFalse();
    }
}
