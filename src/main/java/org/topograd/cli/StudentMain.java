package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topograd.Version;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.TensorDiagnostician;
import org.topograd.kit.FrozenAnswers;
import org.topograd.naming.BugNamer;
import org.topograd.naming.tensor.TensorBugNamer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The student kit's {@code topograd-student}: {@code check} from the answers and diagnoses frozen
 * into the kit, against the kit's own {@code specs/} folder by default. It names nothing of the
 * reference engine or the mutants, directly or through another class, so the kit's jar can leave
 * them out ({@link org.topograd.kit.KitJar} proves it when the kit is made).
 */
@Command(name = CommandRunner.KIT, mixinStandardHelpOptions = true, versionProvider = StudentMain.VersionProvider.class,
        description = "Checks your backpropagation code against the assignment's visible specs before you submit.",
        footer = ExitCodes.HELP_FOOTER)
public final class StudentMain implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            java.util.OptionalInt status = FastStart.run(StudentMain.class, args);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
            // javac compiles the submission while picocli reads the command line
            org.topograd.submission.Compiler.warmUp(CheckCommand.likelySubmission(args));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(new Kit(FrozenAnswers::inKit), kitSpecs(), out, err, args));
    }

    /**
     * Runs a command line of the kit.
     *
     * @param kit the frozen answers and diagnoses
     * @param specs the default specs folder: the kit's own
     */
    public static int execute(Kit kit, Path specs, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new StudentMain());
        cli.addSubcommand("check", new CheckCommand(kit));
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        // After the subcommands: picocli hands the provider only to those already added.
        cli.setDefaultValueProvider(arg -> arg.isOption()
                && ((CommandLine.Model.OptionSpec) arg).longestName().equals("--specs") ? specs.toString() : null);
        return CommandRunner.run(cli, out, err, args);
    }

    /** The {@code specs} folder beside the kit's jar (or in the working folder, outside a jar). */
    static Path kitSpecs() {
        try {
            Path jar = Path.of(StudentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.toAbsolutePath().getParent() != null) {
                return jar.toAbsolutePath().getParent().resolve("specs");
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working folder
        }
        return Path.of("specs");
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Reads the kit's frozen answers. */
    @FunctionalInterface
    public interface Reader {
        FrozenAnswers read() throws IOException;
    }

    /**
     * The kit's check: answers and diagnoses from the numbers frozen into the kit, read the first
     * time a check needs them (never for {@code --help} or {@code --version}).
     */
    public static final class Kit implements CheckCommand.Source {
        private final Reader reader;
        private FrozenAnswers frozen;

        public Kit(Reader reader) {
            this.reader = reader;
        }

        private synchronized FrozenAnswers frozen() throws IOException {
            if (frozen == null) {
                frozen = reader.read();
            }
            return frozen;
        }

        @Override
        public AnswerSource answers() throws IOException {
            return frozen();
        }

        @Override
        public Diagnostician diagnostician() throws IOException {
            return new BugNamer(frozen().forecasts());
        }

        @Override
        public TensorDiagnostician tensorDiagnostician() throws IOException {
            return new TensorBugNamer(frozen().tensorForecasts());
        }

        @Override
        public String program() {
            return CommandRunner.KIT;
        }

        @Override
        public boolean explainable() {
            return false;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"topograd-student " + Version.get()};
        }
    }
}
