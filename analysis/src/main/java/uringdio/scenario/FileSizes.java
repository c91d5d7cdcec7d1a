package uringdio.scenario;

import uringdio.cli.BadInputException;

/**
 * The sizes of the files a run reads that are not scenario parameters (they are the same for
 * every scenario of a run, and JMH passes them as system properties): read ranges in an extent
 * file, and the MariaDB-like workload's large file and its extent size.
 *
 * @param ranges          read-sized ranges in an extent-read file
 * @param largeFileSize   bytes of the MariaDB-like file
 * @param largeExtentSize bytes per extent of that file: 4k, 8k or 16k
 */
public record FileSizes(long ranges, long largeFileSize, int largeExtentSize) {

    public static final long DEFAULT_RANGES = 16;
    public static final long DEFAULT_LARGE_FILE = 1L << 30;
    public static final int DEFAULT_LARGE_EXTENT = 4096;

    public FileSizes {
        if (ranges < 1) {
            throw new BadInputException("the extent file needs at least one read range, not " + ranges);
        }
        if (largeExtentSize <= 0 || largeExtentSize > Workload.INNODB_PAGE || Workload.INNODB_PAGE % largeExtentSize != 0
                || largeExtentSize % ExtentFileSpec.BLOCK != 0) {
            throw new BadInputException("the large file's extent size must divide 16 KiB (4k, 8k or 16k), not "
                    + largeExtentSize);
        }
        if (largeFileSize < Workload.INNODB_PAGE) {
            throw new BadInputException("the large file must hold at least one 16 KiB page, not " + largeFileSize + " bytes");
        }
    }

    /** 16 ranges, a 1 GiB large file of 4 KiB extents. */
    public static FileSizes defaults() {
        return new FileSizes(DEFAULT_RANGES, DEFAULT_LARGE_FILE, DEFAULT_LARGE_EXTENT);
    }
}
