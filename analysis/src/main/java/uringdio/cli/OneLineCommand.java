package uringdio.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What every command of the suite does with picocli: a bad option or value is one line on
 * stderr, {@code name: what was wrong (see --help)}, never a usage dump or a stack trace, and
 * exits {@link ExitCode#BAD_INPUT}; so is a {@link BadInputException} the command throws. Any
 * other exception is one line too and exits {@link ExitCode#FAILED}, unless the command sets its
 * own handler.
 */
public final class OneLineCommand {

    private OneLineCommand() {
    }

    /** A command line for {@code command} writing to {@code out} and {@code err}. */
    public static CommandLine of(Object command, String name, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, ignored) -> {
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            e.getCommandLine().getErr().println(name + ": " + cause.getMessage() + " (see --help)");
            e.getCommandLine().getErr().flush();
            return ExitCode.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, commandLine, ignored) -> {
            boolean bad = e instanceof BadInputException;
            commandLine.getErr().println(name + ": " + message(e) + (bad ? " (see --help)" : ""));
            commandLine.getErr().flush();
            return bad ? ExitCode.BAD_INPUT : ExitCode.FAILED;
        });
        return cmd;
    }

    /** An exception's message on one line (its class name if it has none). */
    public static String message(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replace('\n', ' ').strip();
    }
}
