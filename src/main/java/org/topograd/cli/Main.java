package org.topograd.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.topograd.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code topograd} command: subcommands only. */
@Command(
        name = "topograd",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Grades computation-graph and backpropagation coursework.",
        subcommands = {
            ValidateCommand.class,
            SolveCommand.class,
            GradeCommand.class,
            CheckCommand.class,
            BenchCommand.class,
            AuditCommand.class,
            ExplainCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = ExitCodes.HELP_FOOTER)
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /** Runs a command line with the given streams; returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
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

    /** Without a subcommand there is nothing to do: show what there is, and say so in the status. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"topograd " + Version.get()};
        }
    }
}
