package uringdio.read;

/**
 * The read offsets of the QD1 overhead loop: whole blocks of a file, picked by Marsaglia's
 * xorshift64 (shifts 13, 7, 17). The C loop ({@code native/src/main/c/overhead_loop.c}) picks
 * its offsets with the same generator and the same seed, so both loops read the same blocks in
 * the same order and the file's layout cannot favour either. It mirrors these C functions:
 *
 * <pre>
 * static uint64_t next_random(uint64_t *state)
 * {
 *     uint64_t x = *state;
 *
 *     x ^= x &lt;&lt; 13;
 *     x ^= x &gt;&gt; 7;
 *     x ^= x &lt;&lt; 17;
 *     *state = x;
 *     return x;
 * }
 *
 * static uint64_t next_offset(uint64_t *state, uint64_t blocks, uint64_t block_size)
 * {
 *     return (next_random(state) % blocks) * block_size;
 * }
 * </pre>
 *
 * with the state starting at {@code seed ? seed : 1} (xorshift never leaves 0). C's shifts and
 * {@code %} are on unsigned 64-bit values: Java's {@code >>>} and
 * {@link Long#remainderUnsigned} are the same operations.
 */
public final class OffsetSequence {

    private final long blocks;
    private final long blockSize;
    private long state;

    /** Offsets of whole {@code blockSize} blocks among the first {@code blocks} of a file. */
    public OffsetSequence(long seed, long blocks, long blockSize) {
        if (blocks < 1 || blockSize < 1) {
            throw new IllegalArgumentException("need at least one block of at least one byte, not "
                    + blocks + " of " + blockSize);
        }
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.state = seed == 0 ? 1 : seed;
    }

    /** The generator's next 64-bit value (C's {@code next_random}). */
    public long nextRandom() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return x;
    }

    /** The byte offset of the next block to read (C's {@code next_offset}). */
    public long nextOffset() {
        return Long.remainderUnsigned(nextRandom(), blocks) * blockSize;
    }
}
