package uringdio.scenario;

import java.util.function.DoubleSupplier;

/**
 * Which pages of a read's buffer are resident when the read is submitted. btrfs disables page
 * faults while it pins the buffer for a direct read (since 5.16), so a page that is not resident
 * ends the pinning early; what happens next is the subject of the suite.
 *
 * <p>Each constant carries its whole rule: how the buffer is put back before a read
 * ({@link Arming}), which pages it then expects resident ({@link #touches}), and how that is
 * checked ({@link Check}). The fixture ({@code uringdio.fixture.PatternedBuffer}) applies the
 * rule with madvise and mincore; adding a pattern is adding a constant here.
 */
public enum FaultPattern {
    /** No page resident: btrfs makes no progress and finishes the read with buffered I/O. */
    NONE(Arming.DROP_AND_TOUCH, Check.MINCORE, (page, pages, fraction, draw) -> false),
    /** Only byte 0 touched: the seed's pattern (MariaDB's freshly allocated buffer). */
    FIRST(Arming.DROP_AND_TOUCH, Check.MINCORE, (page, pages, fraction, draw) -> page == 0),
    /** Every page dropped and touched again before each read: nothing to fault, the control. */
    ALL(Arming.DROP_AND_TOUCH, Check.MINCORE, (page, pages, fraction, draw) -> true),
    /**
     * Every page resident and left so, never re-armed: a database's buffer pool, and what fio
     * does. Stale bytes cannot pass the check because a buffer never reads the same range twice
     * in a row.
     */
    RESIDENT(Arming.TOUCH_ONCE, Check.MINCORE, (page, pages, fraction, draw) -> true),
    /** Every other page touched, starting with the first. */
    ALTERNATE(Arming.DROP_AND_TOUCH, Check.MINCORE, (page, pages, fraction, draw) -> page % 2 == 0),
    /** Only the last page touched. */
    LAST(Arming.DROP_AND_TOUCH, Check.MINCORE, (page, pages, fraction, draw) -> page == pages - 1),
    /** Each page touched with a given probability, drawn anew each time the buffer is re-armed. */
    RANDOM(Arming.DROP_AND_TOUCH, Check.MINCORE, (page, pages, fraction, draw) -> draw.getAsDouble() < fraction),
    /** The buffer is a shared mapping of a file, its page-table entries dropped (fstests generic/647's shape). */
    MMAP_FILE(Arming.POISON_FILE_AND_UNMAP, Check.PAGEMAP, (page, pages, fraction, draw) -> false),
    /** The buffer is registered with io_uring, so its pages are pinned once and never faulted. */
    REGISTERED(Arming.POISON_PINNED, Check.MINCORE, (page, pages, fraction, draw) -> true);

    /** How a buffer is put back to its pattern before a read. */
    public enum Arming {
        /** Anonymous memory: MADV_DONTNEED every page, then write one byte of each page {@link FaultPattern#touches} names. */
        DROP_AND_TOUCH,
        /** Every page written once, the first time; never re-armed after. */
        TOUCH_ONCE,
        /** Pinned pages (registered): poisoned, so stale bytes cannot pass, never dropped. */
        POISON_PINNED,
        /** A shared file mapping: poison written into the file's pages, then the page-table entries dropped. */
        POISON_FILE_AND_UNMAP
    }

    /** How the resident pages are checked before each read. */
    public enum Check {
        /** mincore(2) on the buffer. */
        MINCORE,
        /** /proc/self/pagemap: whether each page-table entry is present (mincore sees the file's page cache). */
        PAGEMAP
    }

    /** Which pages a pattern leaves resident: see {@link FaultPattern#touches}. */
    @FunctionalInterface
    private interface Rule {
        boolean touches(int page, int pages, double fraction, DoubleSupplier draw);
    }

    private final Arming arming;
    private final Check check;
    private final Rule rule;

    FaultPattern(Arming arming, Check check, Rule rule) {
        this.arming = arming;
        this.check = check;
        this.rule = rule;
    }

    public Arming arming() {
        return arming;
    }

    public Check check() {
        return check;
    }

    /**
     * Whether page {@code page} of {@code pages} is resident after arming. {@code fraction} is
     * RANDOM's probability per page, {@code draw} its source of numbers in [0, 1), called only by
     * RANDOM, once per page, in page order.
     */
    public boolean touches(int page, int pages, double fraction, DoubleSupplier draw) {
        return rule.touches(page, pages, fraction, draw);
    }

    /**
     * Whether every page of the buffer is resident (or pinned) at submission, by the pattern's own
     * rule: then no read into it can stop at an unfaulted page.
     */
    public boolean wholeBufferResident() {
        for (int page = 0; page < 4; page++) {
            // RANDOM's draws of 1.0 touch nothing: it promises no page.
            if (!touches(page, 4, 1.0, () -> 1.0)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the buffer is drawn anew (and so differs) each time it is armed. */
    public boolean random() {
        return this == RANDOM;
    }
}
