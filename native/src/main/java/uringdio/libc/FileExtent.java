package uringdio.libc;

/** One extent as FIEMAP reports it: where a run of the file's bytes lies on disk. */
public record FileExtent(long logical, long physical, long length, int flags) {

    /** Compressed or otherwise encoded (btrfs compression): a direct read cannot map it straight. */
    public boolean encoded() {
        return (flags & Fiemap.FIEMAP_EXTENT_ENCODED) != 0;
    }

    /** Stored inline in metadata rather than in a data block. */
    public boolean inline() {
        return (flags & Fiemap.FIEMAP_EXTENT_DATA_INLINE) != 0;
    }

    public long logicalEnd() {
        return logical + length;
    }
}
