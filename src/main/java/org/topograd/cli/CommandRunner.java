package org.topograd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a command line the same way for the full tool ({@link Main}) and the student kit
 * ({@link StudentMain}): the given streams, an internal error reported as a bug with exit status 3.
 */
final class CommandRunner {
    /** How users run the full tool, for texts that name a command. */
    static final String TOOL = "topograd";
    /** How students run the student kit. */
    static final String KIT = "java -jar topograd-student.jar";

    private CommandRunner() {}

    static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("topograd: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            commandLine.getErr().println("This is a bug in topograd; please report it with the command you ran.");
            return ExitCodes.FAILURE;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
