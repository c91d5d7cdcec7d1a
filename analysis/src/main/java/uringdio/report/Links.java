package uringdio.report;

import java.nio.file.Path;

/** Links from a page to a run's files, relative, so a directory copied elsewhere (a CI artifact) keeps them working. */
final class Links {

    private Links() {
    }

    /** The prefix that leads from a page in {@code pageDir} to files in {@code runDir}: "" or "../run/". */
    static String between(Path pageDir, Path runDir) {
        Path from = pageDir.toAbsolutePath().normalize();
        Path to = runDir.toAbsolutePath().normalize();
        if (from.equals(to)) {
            return "";
        }
        String relative = from.relativize(to).toString().replace('\\', '/');
        return relative.isEmpty() ? "" : relative + "/";
    }
}
