package org.topograd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.Assignment;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.Grading;
import org.topograd.grading.SubmissionResult;
import org.topograd.report.CheckJson;
import org.topograd.report.TerminalReport;
import org.topograd.spec.Spec;
import org.topograd.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code topograd check}: a student's own check of their work, on the visible specs. The same class
 * serves the full tool and the student kit; only where the answers come from differs, so it never
 * names the reference engine itself.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check your submission against the visible specs before you submit: for every failing"
                + " check, what was expected and what came out.",
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

    private final AnswerSource answers;
    private final Diagnostician diagnostician;
    private final boolean explainable;

    /**
     * @param answers the reference engine's answers in the full tool, frozen ones in the student kit
     * @param diagnostician names likely bugs in the full tool; none in the kit, which carries no mutants
     * @param explainable whether {@code topograd explain} is there to point to (not in the kit)
     */
    CheckCommand(AnswerSource answers, Diagnostician diagnostician, boolean explainable) {
        this.answers = answers;
        this.diagnostician = diagnostician;
        this.explainable = explainable;
    }

    /** For picocli without {@link Main}'s factory: the command line parses and helps, but cannot check. */
    CheckCommand() {
        this(null, Diagnostician.NONE, false);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (answers == null) {
            throw new IllegalStateException("check has no answers: build the command line with Main.commandLine()");
        }
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(command.commandLine(), "no submission folder at " + dir);
        }
        SpecFiles.Loaded loaded = SpecFiles.load(command.commandLine(), specs, err, answers);
        if (loaded.assignment() == null) {
            err.println("topograd check: " + specs.resolve("assignment.yaml") + " is invalid; ask your instructor.");
            return ExitCodes.FINDINGS;
        }
        List<Spec> visible = loaded.specs().stream().filter(s -> !s.hidden()).toList();
        int hidden = answers.hiddenSpecs(loaded.specs());
        if (visible.isEmpty()) {
            err.println("topograd check: no visible spec in " + specs + "; nothing to check.");
            return ExitCodes.FINDINGS;
        }
        Path folder = dir.toAbsolutePath().normalize();
        Submission submission = new Submission(folder.getFileName() == null ? "submission"
                : folder.getFileName().toString(), folder);
        SubmissionResult result;
        Assignment assignment = loaded.assignment();
        List<org.topograd.grading.SpecAnswers> expected;
        try {
            expected = answers.answers(visible, assignment.numerical());
        } catch (AnswerSource.Unavailable e) {
            err.println("topograd check: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        try (Grading grading = Grading.prepare(expected, assignment, Sandboxes.detect(err), diagnostician)) {
            result = grading.grade(List.of(submission), 1, r -> { }).get(0);
        }
        boolean color = !noColor && Terminal.color();
        out.print(json ? CheckJson.render(result, visible, hidden) : new TerminalReport(color, explainable ? dir.toString() : null).render(result, visible, hidden));
        out.flush();
        return result.allPassed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
