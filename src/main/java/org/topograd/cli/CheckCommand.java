package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.SelfCheck;
import org.topograd.grading.SubmissionResult;
import org.topograd.grading.TensorDiagnostician;
import org.topograd.report.CheckJson;
import org.topograd.report.TerminalReport;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecHeading;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code topograd check}: a student's own check of their work, on the visible specs. The same class
 * serves the full tool and the student kit; only where the answers and the diagnosis come from
 * differs ({@link Source}), so it never names the reference engine itself.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check your submission against the visible specs before you submit: for every failing"
                + " check, the input point, what was expected and what came out, and the likely bug.",
        footer = ExitCodes.HELP_FOOTER)
final class CheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Your submission folder (default: .).")
    Path dir = Path.of(".");

    @Option(names = "--specs", defaultValue = "specs", description = "Folder of specs (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Option(names = "--no-color", description = "Plain text even on a terminal.")
    boolean noColor;

    @Option(names = "--json", description = "Print the result as JSON (for editors and scripts) instead of text.")
    boolean json;

    @Option(names = "--watch", description = "Check again whenever a .java file (or a jar) in DIR changes, until"
            + " Ctrl-C.")
    boolean watch;

    /**
     * Where a check's answers and diagnosis come from, made only when a check runs (so that
     * {@code --help} costs nothing): the reference engine and its mutants in the full tool, the
     * numbers frozen into a student kit in the kit.
     */
    interface Source {
        AnswerSource answers() throws IOException;

        Diagnostician diagnostician() throws IOException;

        TensorDiagnostician tensorDiagnostician() throws IOException;

        /** How the user runs this program, for texts that name a command: {@code topograd}. */
        String program();

        /** Whether {@code topograd explain} is there to point to (not in the kit). */
        boolean explainable();
    }

    /** The options above that take a value; {@code CheckCommandTest} holds this to picocli's model of them. */
    static final List<String> VALUED_OPTIONS = List.of("--specs");

    /**
     * The folder a {@code check} command line most likely checks, found before picocli has read it
     * (which takes a fifth of a second), so that javac can compile it meanwhile
     * ({@link org.topograd.submission.Compiler#warmUp}): the first argument that is neither an
     * option nor an option's value. Only a head start: picocli reads the command line as always, and
     * a compile of another folder, or of files changed since, is not used. Null where it cannot tell
     * (an {@code @file} of arguments).
     *
     * @param args the whole command line, {@code check} first
     */
    static Path likelySubmission(String... args) {
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return i + 1 < args.length ? path(args[i + 1]) : Path.of(".");
            }
            if (a.startsWith("@")) {
                return null;
            }
            if (VALUED_OPTIONS.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return path(a);
            }
        }
        return Path.of(".");
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli will say what is wrong with it
        }
    }

    private final Source source;

    CheckCommand(Source source) {
        this.source = source;
    }

    /** For picocli without {@link Main}'s factory: the command line parses and helps, but cannot check. */
    CheckCommand() {
        this(null);
    }

    @Override
    public Integer call() throws Exception {
        if (source == null) {
            throw new IllegalStateException("check has no answers: build the command line with Main.commandLine()");
        }
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(command.commandLine(), "no submission folder at " + dir);
        }
        PrintWriter err = command.commandLine().getErr();
        Launcher launcher = Sandboxes.detect(err);
        if (watch) {
            return new CheckWatch(dir, command.commandLine().getOut(), err, source.program(), color())
                    .run(() -> checkOnce(launcher));
        }
        return checkOnce(launcher);
    }

    private boolean color() {
        return !noColor && !json && Terminal.color();
    }

    /** One check: the specs read afresh, the submission compiled and run, the report printed. */
    int checkOnce(Launcher launcher) throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        String program = source.program();
        AnswerSource answers;
        try {
            answers = source.answers();
        } catch (IOException e) {
            err.println(program + " check: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        SpecFiles.Loaded loaded = SpecFiles.loadEither(command.commandLine(), specs, err, answers, program);
        if (loaded.assignment() == null) {
            err.println(program + " check: " + specs.resolve("assignment.yaml") + " is invalid; ask your instructor.");
            return ExitCodes.FINDINGS;
        }
        if (loaded.refusal() != null) {
            err.println(program + " check: " + loaded.refusal());
            return ExitCodes.FINDINGS;
        }
        // An assignment is scalar or tensor (one of the two lists is empty); the check is the same either way.
        List<Spec> visible = loaded.specs().stream().filter(s -> !s.hidden()).toList();
        List<TensorSpec> visibleTensors = loaded.tensorSpecs().stream().filter(s -> !s.hidden()).toList();
        if (visible.isEmpty() && visibleTensors.isEmpty()) {
            err.println(program + " check: no visible spec in " + specs + "; nothing to check.");
            return ExitCodes.FINDINGS;
        }
        Optional<SubmissionResult> checked;
        try {
            checked = visibleTensors.isEmpty()
                    ? SelfCheck.run(Submission.ofFolder(dir), loaded.specs(), visible, answers, loaded.assignment(),
                            launcher, source.diagnostician())
                    : SelfCheck.runTensor(Submission.ofFolder(dir), loaded.tensorSpecs(), visibleTensors, answers,
                            loaded.assignment(), launcher, source.tensorDiagnostician());
        } catch (AnswerSource.Unavailable e) {
            err.println(program + " check: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (checked.isEmpty()) {
            return ExitCodes.FAILURE; // stopped (Ctrl-C) before the check was done: the JVM is ending anyway
        }
        SubmissionResult result = checked.get();
        List<SpecHeading> shown = new java.util.ArrayList<>(visible);
        shown.addAll(visibleTensors);
        List<SpecHeading> all = new java.util.ArrayList<>(loaded.specs());
        all.addAll(loaded.tensorSpecs());
        int hidden = answers.hiddenSpecs(all);
        out.print(json ? CheckJson.render(result, shown, hidden)
                : new TerminalReport(color(), source.explainable() ? dir.toString() : null, program)
                        .render(result, shown, hidden));
        out.flush();
        return result.allPassed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
