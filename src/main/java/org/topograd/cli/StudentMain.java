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
import org.topograd.kit.FrozenAnswers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The student kit's {@code topograd-student}: {@code check} from the answers frozen into the kit,
 * against the kit's own {@code specs/} folder by default. It names nothing of the reference
 * engine, directly or through another class, so the kit's jar can leave the engine out
 * ({@link org.topograd.kit.KitJar} proves it when the kit is made).
 */
@Command(name = "topograd-student", mixinStandardHelpOptions = true, versionProvider = StudentMain.VersionProvider.class,
        description = "Checks your backpropagation code against the assignment's visible specs before you submit.",
        footer = ExitCodes.HELP_FOOTER)
public final class StudentMain implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        AnswerSource answers;
        try {
            answers = FrozenAnswers.inKit();
        } catch (IOException e) {
            err.println("topograd-student: " + e.getMessage());
            System.exit(ExitCodes.FAILURE);
            return;
        }
        System.exit(execute(answers, kitSpecs(), out, err, args));
    }

    /**
     * Runs a command line of the kit.
     *
     * @param answers the frozen answers
     * @param specs the default specs folder: the kit's own
     */
    public static int execute(AnswerSource answers, Path specs, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new StudentMain());
        cli.addSubcommand("check", new CheckCommand(answers, Diagnostician.NONE, false));
        cli.addSubcommand("completion", new CompletionCommand());
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

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"topograd-student " + Version.get()};
        }
    }
}
