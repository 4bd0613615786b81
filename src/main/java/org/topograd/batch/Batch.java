package org.topograd.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.topograd.diagnosis.MutantDiagnostician;
import org.topograd.grading.Assignment;
import org.topograd.grading.GradeKey;
import org.topograd.grading.Grading;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SubmissionResult;
import org.topograd.grading.TensorAnswers;
import org.topograd.report.ReportFolder;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.Reaper;
import org.topograd.sandbox.SandboxLevel;
import org.topograd.spec.Spec;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.submission.Submission;

/**
 * A class graded into a reports folder.
 *
 * <p>Whom to grade: a submission whose files, the specs, topograd and the sandbox are unchanged since
 * its scorecard was written is skipped, unless forced, and never in the plain sandbox, where a
 * student's code could have written the reports the skip would trust.
 *
 * <p>Each result is recorded as it comes, and the summary is rewritten at the end; if topograd is
 * stopped halfway (Ctrl-C, SIGTERM), every worker is killed first, nothing cut short is recorded, and
 * the summary is rewritten from what was: every student is then either finished or pending, and the
 * next {@code grade} grades the pending ones.
 */
public final class Batch {
    private final ReportFolder folder;
    private final Path specsDir;
    private final List<Spec> specs;
    private final List<TensorSpec> tensorSpecs;
    private final Assignment assignment;
    private final Launcher launcher;

    public Batch(ReportFolder folder, Path specsDir, List<Spec> specs, Assignment assignment, Launcher launcher) {
        this(folder, specsDir, specs, List.of(), assignment, launcher);
    }

    /**
     * A class graded with scalar {@code specs} or with {@code tensorSpecs}: an assignment has one kind
     * (the other list is empty).
     */
    public Batch(ReportFolder folder, Path specsDir, List<Spec> specs, List<TensorSpec> tensorSpecs,
            Assignment assignment, Launcher launcher) {
        this.folder = folder;
        this.specsDir = specsDir;
        this.specs = List.copyOf(specs);
        this.tensorSpecs = List.copyOf(tensorSpecs);
        this.assignment = assignment;
        this.launcher = launcher;
    }

    /**
     * Who is graded and who is skipped.
     *
     * @param keys every chosen submission's grade key
     * @param unchanged how many were skipped as unchanged
     * @param plainRegradesAll whether skipping was off because the sandbox is the plain one
     */
    public record Plan(List<Submission> toGrade, Map<String, String> keys, int unchanged, boolean plainRegradesAll) {
        public Plan {
            toGrade = List.copyOf(toGrade);
            keys = Map.copyOf(keys);
        }

        /** What the instructor is told about the plan before grading starts: whom it skips, and why not. */
        public List<String> notices() {
            List<String> notices = new ArrayList<>();
            if (unchanged > 0) {
                notices.add(unchanged + " unchanged since their scorecards were written; skipped"
                        + " (grade --force regrades them)");
            }
            if (plainRegradesAll && !toGrade.isEmpty()) {
                notices.add("plain sandbox: every submission is graded again, since student code could have written"
                        + " the reports that skipping one would trust");
            }
            return notices;
        }
    }

    /** What a run tells as it goes: its plan once, before any grading, then each result as it is recorded. */
    public interface Listener {
        void planned(Plan plan);

        void graded(SubmissionResult result);
    }

    /**
     * The whole of {@code grade} once its arguments are read: plans whom to grade among {@code chosen}
     * ({@link #plan}), grades them ({@link #grade}) and rewrites the summary for {@code everyone}.
     */
    public Graded run(List<Submission> chosen, List<String> everyone, boolean force, int jobs, Listener listener)
            throws IOException {
        Plan plan = plan(chosen, force);
        listener.planned(plan);
        return grade(plan, everyone, jobs, listener::graded);
    }

    public Plan plan(List<Submission> chosen, boolean force) throws IOException {
        boolean plain = launcher.level() == SandboxLevel.PLAIN;
        GradeKey keyer = GradeKey.forSpecs(specsDir, launcher.level().reportName());
        Map<String, String> keys = new HashMap<>();
        List<Submission> toGrade = new ArrayList<>();
        int unchanged = 0;
        for (Submission s : chosen) {
            String key = keyer.of(s.dir());
            keys.put(s.id(), key);
            if (force || plain || !folder.current(s.id(), key)) {
                toGrade.add(s);
            } else {
                unchanged++;
            }
        }
        return new Plan(toGrade, keys, unchanged, plain && !force);
    }

    /**
     * What a run did.
     *
     * @param results this run's results; fewer than planned when topograd was stopped
     * @param summarised how many students the summary has
     * @param unreadable the students whose scorecard could not be read back for the summary or a page
     */
    public record Graded(List<SubmissionResult> results, int summarised, List<String> unreadable) {
        public Graded {
            results = List.copyOf(results);
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * Grades the plan {@code jobs} at a time, recording each result as it comes (and then telling
     * {@code graded}), and rewrites the summary for {@code everyone} in the class. With nothing to
     * grade, no compiler or worker is started.
     */
    public Graded grade(Plan plan, List<String> everyone, int jobs, Consumer<SubmissionResult> graded)
            throws IOException {
        List<String> specIds = new ArrayList<>(specs.stream().map(Spec::id).toList());
        tensorSpecs.forEach(t -> specIds.add(t.id()));
        Map<String, SubmissionResult> fresh = new ConcurrentHashMap<>();
        // If topograd is stopped, the summary is rewritten once every worker is dead (nothing cut
        // short is recorded after that point: Grading drops it).
        Runnable summaryOnStop = Reaper.afterKilling(() -> {
            try {
                folder.writeSummary(specIds, everyone, Map.copyOf(fresh));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<SubmissionResult> results = List.of();
        int summarised = 0;
        try {
            if (!plan.toGrade().isEmpty()) {
                try (Grading grading = tensorSpecs.isEmpty()
                        ? Grading.prepare(ReferenceAnswers.of(specs, assignment.numerical()), assignment, launcher,
                                new MutantDiagnostician(), jobs)
                        : Grading.prepareTensor(TensorAnswers.of(tensorSpecs, assignment.numerical()), assignment,
                                launcher, new MutantDiagnostician(), jobs)) {
                    results = grading.grade(plan.toGrade(), jobs, result -> {
                        try {
                            folder.write(result, plan.keys().get(result.student()));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write the reports of " + result.student() + ": "
                                    + e.getMessage(), e);
                        }
                        fresh.put(result.student(), result);
                        graded.accept(result);
                    });
                }
            }
        } finally {
            if (!Reaper.stopping()) {
                Reaper.unregisterAfter(summaryOnStop);
                summarised = folder.writeSummary(specIds, everyone, Map.copyOf(fresh));
            }
        }
        return new Graded(results, summarised, folder.unreadable());
    }
}
