package dev.beak.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

/** The thin paths of the vector GEMM (m <= 8, B streamed once, stored (k, n) or (n, k)) against the reference, with strides and offsets. */
class ThinGemmTest {
    @ParameterizedTest
    @CsvSource({"1, 1000, 300", "2, 513, 200", "8, 2049, 70", "5, 700, 129", "3, 17, 5000", "1, 65536, 1", "1, 4096, 9216", "4, 100, 1000", "7, 1000, 95"})
    void matchesReference(int m, int n, int k) {
        Random rnd = new Random(m * 31L + n + k);
        for (boolean tA : new boolean[] {false, true}) {
            for (boolean tB : new boolean[] {false, true}) {
                for (boolean acc : new boolean[] {false, true}) {
                    GemmTest.check(new VectorGemm(), rnd, m, n, k, tA, tB, acc, true);
                    GemmTest.check(new VectorGemm(), rnd, m, n, k, tA, tB, acc, false);
                }
            }
        }
    }
}
