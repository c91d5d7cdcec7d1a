package uringdio.scenario;

import java.util.Arrays;
import java.util.Locale;
import uringdio.cli.BadInputException;

/**
 * The filesystems the suite reads: btrfs, whose direct reads the suite exists to measure, and
 * ext4 and xfs as controls. Adding one is adding a constant here (and its mkfs line in the
 * fixture); every parser and message takes the list from {@link #values()}.
 */
public enum Filesystem {
    /** Disables page faults around direct I/O (5.16+) and refuses NOWAIT reads over a page. */
    BTRFS(false),
    /** Faults pages in while pinning them; reads are issued inline. */
    EXT4(true),
    /** As ext4: the second control. */
    XFS(true);

    private final boolean issuesInline;

    Filesystem(boolean issuesInline) {
        this.issuesInline = issuesInline;
    }

    /**
     * Whether its O_DIRECT reads are issued inline under NOWAIT whatever the buffer: it faults the
     * buffer's pages in while pinning them and never refuses a read for its length or extents, so
     * io_uring has no reason to punt one.
     */
    public boolean issuesInline() {
        return issuesInline;
    }

    /** The name statfs, mount and the suite's parameters use: {@code btrfs}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** {@code btrfs, ext4 or xfs}. */
    public static String choices() {
        String[] names = Arrays.stream(values()).map(Filesystem::label).toArray(String[]::new);
        if (names.length == 1) {
            return names[0];
        }
        return String.join(", ", Arrays.copyOf(names, names.length - 1)) + " or " + names[names.length - 1];
    }

    /** The filesystem named {@code name} (any case); a name the suite does not read is bad input, said in one line. */
    public static Filesystem parse(String name, String where) {
        Filesystem fs = byName(name);
        if (fs == null) {
            throw new BadInputException("unknown filesystem " + name.strip() + where + ": use " + choices());
        }
        return fs;
    }

    /** The filesystem called {@code name} as statfs names it, or null if the suite does not read it. */
    public static Filesystem byName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label().equals(n)).findFirst().orElse(null);
    }
}
