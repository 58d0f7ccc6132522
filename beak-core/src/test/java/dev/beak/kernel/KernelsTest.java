package dev.beak.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kernel selection under the test JVM, which runs with --add-modules jdk.incubator.vector. */
class KernelsTest {
    @Test
    void selectsTheVectorKernelWhenTheModuleIsPresent() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(Kernels.vectorized()).isTrue();
        assertThat(Kernels.gemm()).isInstanceOf(VectorGemm.class);
        assertThat(Kernels.maxPoolRows()).isInstanceOf(VectorMaxPoolRows.class);
    }

    @Test
    void selectedKernelComputesAProduct() {
        // (2x3) * (3x2) with known values.
        float[] a = {1, 2, 3, 4, 5, 6}, b = {7, 8, 9, 10, 11, 12}, c = new float[4];
        Kernels.gemm().gemm(false, false, 2, 2, 3, a, b, c, false);
        assertThat(c).containsExactly(58, 64, 139, 154);
        GemmTest.check(Kernels.gemm(), new Random(5), 70, 90, 110, true, true, true, true);
    }

    @Test
    void scalarAndReferenceAreAvailable() {
        assertThat(Kernels.scalarGemm()).isInstanceOf(ScalarGemm.class);
        assertThat(Kernels.referenceGemm()).isInstanceOf(ReferenceGemm.class);
    }
}
