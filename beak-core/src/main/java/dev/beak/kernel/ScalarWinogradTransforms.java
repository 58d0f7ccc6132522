package dev.beak.kernel;

/** {@link WinogradTransforms} in plain Java, one tile at a time: the path without the Vector API. */
final class ScalarWinogradTransforms implements WinogradTransforms {
    @Override
    public void input(float[] p, int row, int half, int tx0, int len, float[] v, int vOff, int step, int room) {
        int rs = 2 * half;
        for (int j = 0; j < len; j++) {
            int e = row + tx0 + j, o = e + half;
            // Columns E[tx], O[tx], E[tx+1], O[tx+1] of the four rows.
            float d00 = p[e], d01 = p[o], d02 = p[e + 1], d03 = p[o + 1];
            float d10 = p[e + rs], d11 = p[o + rs], d12 = p[e + rs + 1], d13 = p[o + rs + 1];
            float d20 = p[e + 2 * rs], d21 = p[o + 2 * rs], d22 = p[e + 2 * rs + 1], d23 = p[o + 2 * rs + 1];
            float d30 = p[e + 3 * rs], d31 = p[o + 3 * rs], d32 = p[e + 3 * rs + 1], d33 = p[o + 3 * rs + 1];
            // Bᵀ d: rows e0 = d0 - d2, e1 = d1 + d2, e2 = d2 - d1, e3 = d1 - d3; then the same on columns.
            int at = vOff + j;
            columns(v, step, at, 0, d00 - d20, d01 - d21, d02 - d22, d03 - d23);
            columns(v, step, at, 1, d10 + d20, d11 + d21, d12 + d22, d13 + d23);
            columns(v, step, at, 2, d20 - d10, d21 - d11, d22 - d12, d23 - d13);
            columns(v, step, at, 3, d10 - d30, d11 - d31, d12 - d32, d13 - d33);
        }
    }

    /** Row i of V = (Bᵀ d) B from row i of Bᵀ d: entries ξ = 4i .. 4i+3. */
    private static void columns(float[] v, int step, int at, int i, float e0, float e1, float e2, float e3) {
        v[(4 * i) * step + at] = e0 - e2;
        v[(4 * i + 1) * step + at] = e1 + e2;
        v[(4 * i + 2) * step + at] = e2 - e1;
        v[(4 * i + 3) * step + at] = e1 - e3;
    }

    @Override
    public void output(float[] m, int mOff, int ms, int len, float bias, float[] out, int stride) {
        for (int j = 0; j < len; j++) {
            int q = mOff + j;
            float s4 = m[4 * ms + q], s5 = m[5 * ms + q], s6 = m[6 * ms + q], s7 = m[7 * ms + q];
            float s8 = m[8 * ms + q], s9 = m[9 * ms + q], s10 = m[10 * ms + q], s11 = m[11 * ms + q];
            // Aᵀ = [1 1 1 0; 0 1 -1 -1] on rows (r0 = s0 + s1 + s2, r1 = s1 - s2 - s3 per column), then on columns.
            float a00 = m[q] + s4 + s8, a01 = m[ms + q] + s5 + s9, a02 = m[2 * ms + q] + s6 + s10, a03 = m[3 * ms + q] + s7 + s11;
            float a10 = s4 - s8 - m[12 * ms + q], a11 = s5 - s9 - m[13 * ms + q];
            float a12 = s6 - s10 - m[14 * ms + q], a13 = s7 - s11 - m[15 * ms + q];
            out[j] = a00 + a01 + a02 + bias;
            out[stride + j] = a01 - a02 - a03 + bias;
            out[2 * stride + j] = a10 + a11 + a12 + bias;
            out[3 * stride + j] = a11 - a12 - a13 + bias;
        }
    }

    @Override
    public void inputChannels(float[] s, int at, int rowStride, int colStride, int channels,
                              float[] v, int vAt, int step, int panel, int nr) {
        int c1 = colStride, c2 = 2 * colStride, c3 = 3 * colStride;
        for (int ch = 0; ch < channels; ch++) {
            int r0 = at + ch, r1 = r0 + rowStride, r2 = r1 + rowStride, r3 = r2 + rowStride;
            float d00 = s[r0], d01 = s[r0 + c1], d02 = s[r0 + c2], d03 = s[r0 + c3];
            float d10 = s[r1], d11 = s[r1 + c1], d12 = s[r1 + c2], d13 = s[r1 + c3];
            float d20 = s[r2], d21 = s[r2 + c1], d22 = s[r2 + c2], d23 = s[r2 + c3];
            float d30 = s[r3], d31 = s[r3 + c1], d32 = s[r3 + c2], d33 = s[r3 + c3];
            int dst = vAt + ch / nr * panel + ch % nr;
            columns(v, step, dst, 0, d00 - d20, d01 - d21, d02 - d22, d03 - d23);
            columns(v, step, dst, 1, d10 + d20, d11 + d21, d12 + d22, d13 + d23);
            columns(v, step, dst, 2, d20 - d10, d21 - d11, d22 - d12, d23 - d13);
            columns(v, step, dst, 3, d10 - d30, d11 - d31, d12 - d32, d13 - d33);
        }
    }

    @Override
    public void gradientChannels(float[] s, int at, int rowStride, int colStride, int channels,
                                 float[] m, int mAt, int step, int panel, int nr) {
        for (int ch = 0; ch < channels; ch++) {
            int r0 = at + ch, r1 = r0 + rowStride;
            float y00 = s[r0], y01 = s[r0 + colStride], y10 = s[r1], y11 = s[r1 + colStride];
            int dst = mAt + ch / nr * panel + ch % nr;
            // Rows of A dY (A = [1 0; 1 1; 1 -1; 0 -1]), then the same on columns.
            gradientRow(m, step, dst, 0, y00, y01);
            gradientRow(m, step, dst, 1, y00 + y10, y01 + y11);
            gradientRow(m, step, dst, 2, y00 - y10, y01 - y11);
            gradientRow(m, step, dst, 3, -y10, -y11);
        }
    }

    /** Row i of dM = (A dY) Aᵀ from row i of A dY: entries ξ = 4i .. 4i+3. */
    private static void gradientRow(float[] m, int step, int at, int i, float t0, float t1) {
        m[(4 * i) * step + at] = t0;
        m[(4 * i + 1) * step + at] = t0 + t1;
        m[(4 * i + 2) * step + at] = t0 - t1;
        m[(4 * i + 3) * step + at] = -t1;
    }

    @Override
    public void channelsLast(float[] src, int so, int ld, int channels, int count, float[] dst, int d, int ds) {
        for (int ch = 0; ch < channels; ch++) {
            for (int j = 0, from = so + ch * ld, to = d + ch; j < count; j++, to += ds) dst[to] = src[from + j];
        }
    }
}
