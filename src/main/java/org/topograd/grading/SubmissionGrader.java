package org.topograd.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;
import org.topograd.submission.SubmissionFiles;

/**
 * Grades one submission, for {@code grade}, {@code check}, Gradescope and {@code bench} alike:
 * compile ({@link SubmissionSteps}), discover its classes, then, through one worker session, the
 * {@link SubmissionRun}: bind them ({@link Binding}), smoke-test each op ({@link SmokeTest}), and
 * every check of every spec at every input point ({@link CaseChecks}).
 *
 * <p>Smoke tests run each op once on a two-node graph before anything else, so that an op whose
 * constructor exits or whose forward loops forever is found once and its checks are reported as not
 * run, instead of costing a timeout at every input point ({@link Blocked}).
 */
final class SubmissionGrader {
    private final GradingSetup setup;
    private final boolean early;

    public SubmissionGrader(GradingSetup setup) {
        this(setup, false);
    }

    /**
     * @param early start a submission's worker while it is still compiling ({@link #grade(Submission,
     *     Future)}): for a single submission's check, where the two then overlap
     */
    public SubmissionGrader(GradingSetup setup, boolean early) {
        this.setup = setup;
        this.early = early;
    }

    public SubmissionResult grade(Submission submission) {
        return grade(submission, compile(submission));
    }

    /** The first step of grading, which a batch runs ahead of the rest (it needs no worker). */
    public CompileResult compile(Submission submission) {
        Path dir = setup.work().resolve(submission.id());
        try {
            return SubmissionSteps.compile(setup, submission, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + submission.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The result of a submission whose grading failed in topograd itself (a bug, or the machine: a
     * full disk): every check not run, and nothing final, so that the next {@code grade} tries again.
     */
    public SubmissionResult failed(Submission submission, Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        List<SubmissionResult.Note> notes = List.of(new SubmissionResult.Note("grader", true,
                "topograd failed while grading this submission (" + failure + "): a bug in topograd or a problem"
                        + " with the machine, not in the submission's code; the instructor's log has the details,"
                        + " and the next grade tries again"));
        Outcome notGraded = new Outcome.NotRun("not graded: topograd failed while grading this submission");
        return new SubmissionResult(submission.id(), SubmissionResult.Status.GRADER_ERROR, Rows.all(setup, notGraded),
                notes, "", new SubmissionResult.Timings(0, 0, 0, 0), setup.launcher().level(), trace.toString());
    }

    /**
     * Grades a submission whose compile is under way. With {@code early} set, and sources to compile,
     * its worker starts now (it reads no class until it is bound, and the classes folder it sees is
     * the one javac is writing into), so starting the JVM overlaps compiling; if the compile fails,
     * or gives classes elsewhere, that worker is simply closed.
     */
    public SubmissionResult grade(Submission submission, Future<CompileResult> compiling)
            throws InterruptedException, ExecutionException {
        if (!early || compiling.isDone() || !hasSources(submission)) {
            return grade(submission, compiling.get());
        }
        Path dir = setup.work().resolve(submission.id());
        Path classes = dir.resolve("classes"); // where compile() has the compiler put them
        WorkerSession session = null;
        try {
            Files.createDirectories(classes);
            Files.createDirectories(dir.resolve("scratch"));
            session = SubmissionSteps.session(setup, classes, dir);
            session.open();
        } catch (IOException | WorkerException e) {
            if (session != null) {
                session.close();
            }
            return grade(submission, compiling.get()); // the usual way: a late start, and its failure reported
        }
        CompileResult compiled;
        try {
            compiled = compiling.get();
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            session.close();
            throw e;
        }
        if (!compiled.ok() || !classes.equals(compiled.classes())) {
            session.close();
            return grade(submission, compiled);
        }
        return grade(submission, compiled, session);
    }

    private static boolean hasSources(Submission submission) {
        try {
            return !SubmissionFiles.of(submission.dir()).sources().isEmpty();
        } catch (IOException e) {
            return false; // the compile reports it
        }
    }

    /** Grades a submission {@link #compile compiled} already. */
    public SubmissionResult grade(Submission submission, CompileResult compiled) {
        return grade(submission, compiled, null);
    }

    /** Grades a compiled submission, with the worker session already open for it, or a new one. */
    private SubmissionResult grade(Submission submission, CompileResult compiled, WorkerSession opened) {
        try {
            return gradeCompiled(submission, compiled, opened);
        } finally {
            if (opened != null) {
                opened.close(); // whichever way grading ended (closing twice does nothing)
            }
        }
    }

    private SubmissionResult gradeCompiled(Submission submission, CompileResult compiled, WorkerSession opened) {
        Path dir = setup.work().resolve(submission.id());
        List<SubmissionResult.Note> notes = new ArrayList<>();
        compiled.notes().forEach(n -> notes.add(new SubmissionResult.Note("files", false, n)));
        compiled.diagnostics().forEach(d -> notes.add(new SubmissionResult.Note("compile", d.isError(), d.toString())));
        if (!compiled.ok()) {
            SubmissionResult.Status status = compiled.status() == CompileResult.Status.NO_SOURCES
                    ? SubmissionResult.Status.NO_SOURCES : SubmissionResult.Status.COMPILE_ERROR;
            if (status == SubmissionResult.Status.NO_SOURCES) {
                notes.add(new SubmissionResult.Note("compile", true, compiled.problem()));
            }
            String why = status == SubmissionResult.Status.NO_SOURCES ? "not run: " + compiled.problem()
                    : "not run: the submission did not compile (see the compiler's messages)";
            return notRun(submission, status, why, notes, compiled);
        }
        if (setup.tensor()) {
            return new TensorSubmissionRun(setup).grade(submission, compiled, notes, opened);
        }
        Discovery.Found found;
        try {
            found = SubmissionSteps.discover(setup, compiled, setup.usedOps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + submission.id(), e);
        }
        found.problems().forEach(p -> notes.add(new SubmissionResult.Note("classes", true, p)));
        if (found.nothing()) {
            return notRun(submission, SubmissionResult.Status.NO_CLASSES,
                    "not run: no class has @Op or implements Backprop", notes, compiled);
        }
        try (WorkerSession session = opened != null ? opened
                : SubmissionSteps.session(setup, compiled.classes(), dir)) {
            return new SubmissionRun(setup, session).grade(submission, found, notes, compiled.millis());
        }
    }

    /** The result of a submission that never reached a worker: every check not run, for one reason. */
    private SubmissionResult notRun(Submission submission, SubmissionResult.Status status, String why,
            List<SubmissionResult.Note> notes, CompileResult compiled) {
        return SubmissionRun.result(setup, submission, status, Rows.all(setup, new Outcome.NotRun(why)), notes, "",
                new SubmissionResult.Timings(compiled.millis(), 0, 0, 0));
    }
}
