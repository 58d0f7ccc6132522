package dev.beak.kernel;

/**
 * The two data transforms of {@link Winograd} F(2x2, 3x3) over runs of adjacent tiles of one tile
 * row, in plain Java ({@link ScalarWinogradTransforms}) or on the Vector API, a tile per lane.
 *
 * <p>Input comes from a <em>split plane</em>: the input channel zero-padded and with even and odd
 * columns apart, row {@code r} being {@code E[0..half) O[0..half)} with {@code E[k] = x(r - padTop,
 * 2k - padLeft)} and {@code O[k] = x(r - padTop, 2k + 1 - padLeft)} (zero outside the image). Tile tx
 * of a tile row then reads columns {@code E[tx], O[tx], E[tx+1], O[tx+1]} of four rows: whole
 * vectors over tx, with no border cases.
 *
 * <p>The weight gradient ({@link WinogradWeights}) transforms one tile at a time with channels in
 * the lanes instead: its inputs are channels-last, and entry ξ of channel ch goes to a panel layout
 * {@code out[at + ξ * step + (ch / nr) * panel + ch % nr]} (nr a multiple of the vector length).
 */
interface WinogradTransforms {
    /**
     * V = Bᵀ d B for tiles {@code tx0 .. tx0+len} whose four input rows start at {@code p[row]} (E of
     * the first row; rows {@code 2 * half} apart): entry ξ of tile j goes to {@code v[ξ * step + vOff + j]}.
     * Entries {@code len .. room} of each ξ may be overwritten with garbage (the caller writes them
     * later); {@code p} must have a vector of slack past the last row read.
     */
    void input(float[] p, int row, int half, int tx0, int len, float[] v, int vOff, int step, int room);

    /**
     * Y = Aᵀ M A + bias for {@code len} tiles whose entry ξ is {@code m[ξ * ms + mOff + j]}: output
     * (u, v) of tile j (u, v in {0, 1}) goes to {@code out[(2u + v) * stride + j]}. Entries past
     * {@code len} of each output, and a vector past the last, may be overwritten; {@code m} must have a
     * vector of slack.
     */
    void output(float[] m, int mOff, int ms, int len, float bias, float[] out, int stride);

    /**
     * V = Bᵀ d B of one tile, channels [0, channels) in the lanes: input (i, j, ch) of the 4 x 4
     * tile at {@code s[at + i * rowStride + j * colStride + ch]}; entry ξ of channel ch to
     * {@code v[vAt + ξ * step + (ch / nr) * panel + ch % nr]}. {@code channels} is a multiple of nr.
     */
    void inputChannels(float[] s, int at, int rowStride, int colStride, int channels,
                       float[] v, int vAt, int step, int panel, int nr);

    /**
     * dM = A dY Aᵀ of one tile (the transpose of {@link #output}: 2 x 2 output gradients to 4 x 4),
     * channels (filters) in the lanes: dY (u, w, ch) at {@code s[at + u * rowStride + w * colStride + ch]};
     * entry ξ to {@code m[mAt + ξ * step + (ch / nr) * panel + ch % nr]}.
     */
    void gradientChannels(float[] s, int at, int rowStride, int colStride, int channels,
                          float[] m, int mAt, int step, int panel, int nr);

    /**
     * Channels-last copy: {@code dst[d + j * ds + ch] = src[so + ch * ld + j]} for ch < channels,
     * j < count (channel rows become columns), gathering the inputs of {@link #inputChannels}.
     */
    void channelsLast(float[] src, int so, int ld, int channels, int count, float[] dst, int d, int ds);
}
