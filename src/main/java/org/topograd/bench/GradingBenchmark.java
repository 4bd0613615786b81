package org.topograd.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topograd.Folders;
import org.topograd.grading.Assignment;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.Grading;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.SubmissionResult;
import org.topograd.grading.TensorAnswers;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.Spec;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.submission.Compiler;
import org.topograd.submission.Submission;

/**
 * Throughput of a whole grading run: one submission copied N times and graded like a class, with
 * the sandbox on, {@code jobs} at a time. The clock runs from the first submission to the last, so
 * it includes the compiler's warm-up, as a real batch does.
 */
public final class GradingBenchmark {
    private final PrintWriter out;

    public GradingBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Prints {@code grading submissions=200 per_second=12.3 sandbox=bwrap} and where the time went. */
    public void run(Path submission, List<Spec> specs, Assignment assignment, Launcher launcher, int copies, int jobs)
            throws IOException {
        List<SpecAnswers> answers = ReferenceAnswers.of(specs, assignment.numerical());
        run(submission, () -> Grading.prepare(answers, assignment, launcher, Diagnostician.NONE), launcher, copies,
                jobs);
    }

    /** The same for a tensor assignment: a tensor submission graded against tensor specs. */
    public void runTensor(Path submission, List<TensorSpec> specs, Assignment assignment, Launcher launcher,
            int copies, int jobs) throws IOException {
        List<TensorSpecAnswers> answers = TensorAnswers.of(specs, assignment.numerical());
        run(submission, () -> Grading.prepareTensor(answers, assignment, launcher, 1), launcher, copies, jobs);
    }

    /** Prepares the grading run once the answers are known (they are computed outside the clock). */
    private interface Preparation {
        Grading prepare() throws IOException;
    }

    private void run(Path submission, Preparation preparation, Launcher launcher, int copies, int jobs)
            throws IOException {
        Path root = Files.createTempDirectory("topograd-bench-");
        try {
            List<Submission> class_ = new ArrayList<>();
            for (int i = 1; i <= copies; i++) {
                String id = String.format(Locale.ROOT, "copy-%04d", i);
                Folders.copyTree(submission, root.resolve(id));
                class_.add(new Submission(id, root.resolve(id)));
            }
            List<SubmissionResult> results;
            long begin;
            long end;
            long cpu;
            String method;
            // A real batch starts with cold compile servers, not with those an earlier run here left warm.
            Compiler.stopIdleServers();
            try (TreeCpu tree = new TreeCpu(true)) {
                try (Grading grading = preparation.prepare()) {
                    begin = System.nanoTime();
                    results = grading.grade(class_, jobs, r -> { });
                    end = System.nanoTime();
                }
                cpu = tree.stop();
                method = tree.method();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            double seconds = (end - begin) / 1e9;
            long full = results.stream().filter(SubmissionResult::allPassed).count();
            out.printf(Locale.ROOT, "grading submissions=%d per_second=%.1f sandbox=%s%n", copies, copies / seconds,
                    launcher.level().reportName());
            out.printf(Locale.ROOT, "per submission (mean): compile %.0f ms, jvm start %.0f ms, running %.0f ms;"
                            + " %d jobs at once; %.2f s in all; %d of %d with full marks; %s%n",
                    mean(results, t -> t.compileMillis()), mean(results, t -> t.startMillis()),
                    mean(results, t -> t.runMillis()), jobs, seconds, full, copies, launcher.describe());
            if (cpu >= 0) {
                long bareCpu = bareJvmCpu(root);
                out.printf(Locale.ROOT, "grading-cpu per_submission=%.3f s jvm_starts=%.1f (CPU of every process the"
                        + " run started, topograd's own included, %s; bare java -Xshare:auto -version: %.3f s)%n",
                        cpu / 1e9 / copies, bareCpu > 0 ? (double) cpu / copies / bareCpu : Double.NaN, method,
                        bareCpu / 1e9);
            }
            out.flush();
        } finally {
            Folders.deleteTree(root);
        }
    }

    /** The median CPU time of a bare JVM start, over five. */
    private static long bareJvmCpu(Path dir) throws IOException {
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cpu.add(Processes.run(Processes.bareJvm(), dir, java.util.Map.of()).cpuNanos());
        }
        return Processes.median(cpu);
    }

    private interface Part {
        long of(SubmissionResult.Timings t);
    }

    private static double mean(List<SubmissionResult> results, Part part) {
        return results.stream().mapToLong(r -> part.of(r.timings())).average().orElse(0);
    }
}
