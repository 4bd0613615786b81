package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs a command line the same way for the full tool ({@link Main}) and the student kit
 * ({@link StudentMain}): the given streams; a usage error as one line and where to read more
 * (exit status 2); an I/O error as what the system refused (3); anything else as a bug in
 * topograd, with its stack trace (3).
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
        cli.setParameterExceptionHandler(CommandRunner::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter to = commandLine.getErr();
            IOException io = ioCause(e);
            if (io != null) {
                to.println(commandLine.getCommandSpec().qualifiedName() + ": I/O error: " + describe(io)
                        + "; check that path, its permissions and the free space, then run the command again");
                return ExitCodes.FAILURE;
            }
            to.println("topograd: internal error: " + e);
            e.printStackTrace(to);
            to.println("This is a bug in topograd; please report it with the command you ran.");
            return ExitCodes.FAILURE;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * A usage error: the one line that says what is wrong (with picocli's guesses at a mistyped
     * option or command), then where the whole usage is; the usage itself is not repeated.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter to = command.getErr();
        String message = e.getMessage() == null ? "bad usage" : e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
        List<String> guesses = List.of();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            guesses = unmatched.getSuggestions();
            if (!unmatched.isUnknownOption() && !command.getSubcommands().isEmpty()
                    && !unmatched.getUnmatched().isEmpty()) {
                message = "no command '" + unmatched.getUnmatched().get(0) + "'";
            }
        }
        if (!guesses.isEmpty()) {
            message += " (did you mean " + String.join(" or ", guesses.stream().limit(3).toList()) + "?)";
        }
        to.println(message);
        to.println("see " + command.getCommandSpec().qualifiedName() + " --help");
        to.flush();
        return ExitCodes.USAGE;
    }

    /** The I/O error behind an exception, if that is what it is. */
    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof UncheckedIOException unchecked) {
                return unchecked.getCause();
            }
        }
        return null;
    }

    /** What the system refused, in words: the JDK's messages for these are only the path. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof NotDirectoryException f) {
            return "not a folder: " + f.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is in the way (a file where a folder is needed, or the other way round)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
        }
        return String.valueOf(e.getMessage());
    }
}
