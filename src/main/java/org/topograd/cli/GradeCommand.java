package org.topograd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.batch.Batch;
import org.topograd.grading.SubmissionResult;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.report.Progress;
import org.topograd.report.ReportFolder;
import org.topograd.sandbox.Launcher;
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

    @Option(names = "--reports", defaultValue = "reports",
            description = "Where reports go (default: ${DEFAULT-VALUE}).")
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
        SpecFiles.Loaded loaded = SpecFiles.loadEither(command.commandLine(), specs, err, ReferenceAnswers.SOURCE);
        if (!loaded.gradable(specs, err)) {
            return ExitCodes.FINDINGS;
        }
        Files.createDirectories(reports); // a folder that cannot be made fails here, before anyone is graded
        List<Submission> all = Submission.list(submissions);
        List<Submission> chosen = outputs.select(choose(all));
        Launcher launcher = Sandboxes.detect(err);
        ReportFolder folder = new ReportFolder(reports);
        List<String> specIds = loaded.ids();
        Batch batch = new Batch(folder, specs, loaded.specs(), loaded.tensorSpecs(), loaded.assignment(), launcher);
        Shown shown = new Shown(out);
        Batch.Graded graded;
        try {
            graded = batch.run(chosen, all.stream().map(Submission::id).toList(), force, jobs, shown);
        } finally {
            shown.finish();
        }
        for (String student : graded.unreadable()) {
            err.println("topograd grade: the scorecard of " + student + " cannot be read, so " + student
                    + " is not in the summary or has no page; grade --only " + student + " writes it again");
        }
        ReportsWritten.print(out, folder, graded.summarised(), graded.results().size());
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

    /** The run as the instructor sees it: the plan's notices, then a progress line per submission. */
    private static final class Shown implements Batch.Listener {
        private final PrintWriter out;
        private Progress progress;

        Shown(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void planned(Batch.Plan plan) {
            plan.notices().forEach(out::println);
            int width = plan.toGrade().stream().mapToInt(s -> s.id().length()).max().orElse(0);
            progress = new Progress(out, plan.toGrade().size(), width, Terminal.interactive(), System::nanoTime);
        }

        @Override
        public void graded(SubmissionResult result) {
            progress.done(result);
        }

        void finish() {
            if (progress != null) {
                progress.finish();
            }
        }
    }
}
