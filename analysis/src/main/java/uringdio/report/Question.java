package uringdio.report;

import java.util.Map;
import uringdio.results.Columns;

/**
 * The questions a run's ratios answer, one forest plot each, in the order the page shows them.
 * A scenario belongs to the first question that changes it: a mode is a question of its own
 * whatever else differs; a read size or extent count other than the run's usual one is the size
 * question; otherwise what the control differs by says (a buffer fully touched: fault-in; plain
 * data: a btrfs variant; ext4: the filesystem).
 */
enum Question {
    FAULT_IN_BTRFS("Fault-in on btrfs: a partly resident buffer against a fully touched one"),
    FAULT_IN_OTHERS("Fault-in on ext4 and xfs: the same, where no forced wait is expected"),
    FILESYSTEM("btrfs and xfs against ext4"),
    BTRFS_VARIANT("btrfs variants against plain data"),
    SUBMISSION_MODE("Submission mode"),
    READ_SIZE_AND_EXTENTS("Read size and extents");

    private final String title;

    Question(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** The question {@code ratio} answers; {@code usual} is the run's most common read size and extent count. */
    static Question of(ControlRatio ratio, String usual) {
        Map<String, String> row = ratio.row();
        if (!"INLINE".equals(row.getOrDefault(Columns.MODE, "INLINE")) || "INLINE".equals(ratio.differsBy())) {
            return SUBMISSION_MODE;
        }
        if (!usual.equals(shape(row))) {
            return READ_SIZE_AND_EXTENTS;
        }
        return switch (ratio.differsBy()) {
            case "ALL" -> "btrfs".equals(row.get(Columns.FS)) ? FAULT_IN_BTRFS : FAULT_IN_OTHERS;
            case "plain" -> BTRFS_VARIANT;
            default -> FILESYSTEM;
        };
    }

    /** A read's size and extent count, the pair the size question varies. */
    static String shape(Map<String, String> row) {
        return row.getOrDefault(Columns.READ_SIZE, "") + "/" + row.getOrDefault(Columns.EXTENTS_REQUESTED, "");
    }
}
