package org.topograd.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.topograd.Version;
import org.topograd.diagnosis.MutantDiagnostician;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.TensorDiagnostician;
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
            MergeCommand.class,
            ExportCommand.class,
            GradescopePackageCommand.class,
            KitCommand.class,
            BenchCommand.class,
            AuditCommand.class,
            ExplainCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = ExitCodes.HELP_FOOTER)
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            java.util.OptionalInt status = FastStart.run(Main.class, args);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
            // javac compiles the submission while picocli reads the command line
            org.topograd.submission.Compiler.warmUp(CheckCommand.likelySubmission(args));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("check")) {
            // picocli reads every command's options to build a command line: for check, only check's.
            System.exit(CommandRunner.run(new CommandLine(new CheckOnly(), new Factory()), out, err, args));
        }
        System.exit(execute(out, err, args));
    }

    /** {@code topograd} with only its {@code check}: what a student's check needs of the command line. */
    @Command(name = "topograd", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            subcommands = {CheckCommand.class, CommandLine.HelpCommand.class}, footer = ExitCodes.HELP_FOOTER)
    static final class CheckOnly implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    /** Runs a command line with the given streams; returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.run(commandLine(), out, err, args);
    }

    /** The full tool's command line, with {@code check} working from the reference engine's answers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main(), new Factory());
    }

    /** {@code check} here works from the reference engine's answers (in the student kit, from frozen ones). */
    private static final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) {
                return type.cast(new CheckCommand(new FullTool()));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The full tool's check: answers from the reference engine, bugs named by the mutants. */
    private static final class FullTool implements CheckCommand.Source {
        @Override
        public AnswerSource answers() {
            return ReferenceAnswers.SOURCE; // proves each spec too: check leaves out what grade would refuse
        }

        @Override
        public Diagnostician diagnostician() {
            return new MutantDiagnostician();
        }

        @Override
        public TensorDiagnostician tensorDiagnostician() {
            return new MutantDiagnostician();
        }

        @Override
        public String program() {
            return CommandRunner.TOOL;
        }

        @Override
        public boolean explainable() {
            return true;
        }
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
