package uringdio.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Input the comparison cannot work with: a missing run directory, a results file that is not
 * one, an unknown metric. Its message is the whole story in one line, because a CI log shows
 * it to someone who did not write this code; it carries no stack trace worth printing.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message, null, false, false);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** "cannot read {@code file}: why". */
    public static BadInputException cannotRead(Path file, Throwable cause) {
        return new BadInputException("cannot read " + file + ": " + why(cause), cause);
    }

    /** "cannot write {@code file}: why". */
    public static BadInputException cannotWrite(Path file, Throwable cause) {
        return new BadInputException("cannot write " + file + ": " + why(cause), cause);
    }

    /**
     * What went wrong in words. The innermost cause says it best: libraries wrap it, and their
     * wrappers' messages repeat its class name.
     */
    private static String why(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // These two carry only a path as their message, often a temporary file's.
        if (root instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (root instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String message = root.getMessage();
        // One line: some libraries add a second one locating the error in their own terms.
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
