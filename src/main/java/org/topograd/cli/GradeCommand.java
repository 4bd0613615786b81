package org.topograd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.topograd.grading.Assignment;
import org.topograd.diagnosis.MutantDiagnostician;
import org.topograd.grading.GradeKey;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.Grading;
import org.topograd.report.Progress;
import org.topograd.report.ReportFolder;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.Spec;
import org.topograd.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code topograd grade}: every submission against every spec, into CSV scorecards. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade every submission against every spec (hidden ones included) and write"
                + " reports/summary.csv and reports/scorecards/<student>.csv.",
        footer = ExitCodes.HELP_FOOTER)
final class GradeCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--specs", defaultValue = "specs", description = "Folder of specs (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Option(names = "--submissions", defaultValue = "submissions",
            description = "Folder with one folder per student (default: ${DEFAULT-VALUE}).")
    Path submissions;

    @Option(names = "--reports", defaultValue = "reports", description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--only", arity = "1..*", paramLabel = "ID", description = "Grade only these students.")
    List<String> only = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Submissions graded at once (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Regrade every submission, even those whose sources, specs and"
            + " topograd version have not changed since their scorecard was written.")
    boolean force;

    @Mixin
    GradeOutputs outputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (outputs.gradescope(command.commandLine(), !only.isEmpty())) {
            return GradescopeGrading.run(command.commandLine(), specs, outputs.submission, outputs.resultsFile());
        }
        if (!Files.isDirectory(submissions)) {
            throw new ParameterException(command.commandLine(), "no submissions folder at " + submissions
                    + ": give one with --submissions");
        }
        if (jobs < 1) {
            throw new ParameterException(command.commandLine(), "--jobs must be at least 1");
        }
        SpecFiles.Loaded loaded = SpecFiles.load(command.commandLine(), specs, err);
        if (!loaded.gradable(specs, err)) {
            return ExitCodes.FINDINGS;
        }
        Files.createDirectories(reports); // a folder that cannot be made fails here, before anyone is graded
        List<Submission> all = Submission.list(submissions);
        List<Submission> chosen = outputs.select(choose(all));
        Launcher launcher = Sandboxes.detect(err);
        ReportFolder folder = new ReportFolder(reports);
        List<String> specIds = loaded.specs().stream().map(Spec::id).toList();
        Map<String, String> keys = new HashMap<>();
        List<Submission> toGrade = new ArrayList<>();
        GradeKey keyer = GradeKey.forSpecs(specs, launcher.level().reportName());
        for (Submission s : chosen) {
            String key = keyer.of(s.dir());
            keys.put(s.id(), key);
            if (force || !folder.current(s.id(), key)) {
                toGrade.add(s);
            }
        }
        if (toGrade.size() < chosen.size()) {
            out.println((chosen.size() - toGrade.size()) + " unchanged since their scorecards were written; skipped"
                    + " (grade --force regrades them)");
        }
        int width = toGrade.stream().mapToInt(s -> s.id().length()).max().orElse(0);
        Progress progress = new Progress(out, toGrade.size(), width, Terminal.interactive(), System::nanoTime);
        Assignment assignment = loaded.assignment();
        if (!toGrade.isEmpty()) { // nothing to grade starts no compiler and no worker runtime
            try (Grading grading = Grading.prepare(ReferenceAnswers.of(loaded.specs(), assignment.numerical()),
                    assignment, launcher, new MutantDiagnostician())) {
                grading.grade(toGrade, jobs, result -> {
                    try {
                        folder.write(result, keys.get(result.student()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    progress.done(result);
                });
            } finally {
                progress.finish();
            }
        }
        Set<String> students = new HashSet<>();
        all.forEach(s -> students.add(s.id()));
        int inSummary = folder.writeSummary(specIds, students);
        ReportsWritten.print(out, folder, inSummary, toGrade.size());
        outputs.afterSummary(reports, specIds, all, out);
        return loaded.invalid() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private List<Submission> choose(List<Submission> all) {
        if (only.isEmpty()) {
            return all;
        }
        List<Submission> chosen = new ArrayList<>();
        for (String id : only) {
            chosen.add(all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                    new ParameterException(command.commandLine(), "--only " + id + ": no such folder in "
                            + submissions)));
        }
        return chosen;
    }
}
