package org.topograd.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.Reaper;
import org.topograd.sandbox.WorkerRuntime;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Compiler;
import org.topograd.submission.Submission;

/**
 * A grading run: answers computed once, the worker runtime and the compilers prepared once, then
 * any number of submissions graded, several at a time. Closing it stops the compilers and deletes
 * the private work folder (so does stopping topograd with Ctrl-C or SIGTERM, after every worker is
 * killed; a run killed harder leaves its folder to the next run, which removes it).
 *
 * <p>One submission can never end the run: whatever goes wrong while grading it, in its code or in
 * topograd's, becomes its own result ({@link SubmissionResult.Status#GRADER_ERROR} for topograd's).
 */
public final class Grading implements AutoCloseable {
    /** Submissions that may compile at once, at least: one slow compile must not hold back the rest. */
    static final int MIN_COMPILERS = 2;
    static final int MAX_COMPILERS = 4;
    /**
     * Submissions a compile server must have to compile before a run starts another. A server's first
     * compile costs about as much CPU time as its next five (javac loads and warms up), so a small
     * class is compiled by one, which keeps up with the workers anyway.
     */
    static final int SUBMISSIONS_PER_COMPILER = 8;
    /** Submissions from which the workers' class-data-sharing archive saves more than its dump costs. */
    static final int ARCHIVE_FROM = 16;

    private final GradingSetup setup;
    private final WorkFolder work;
    private final Runnable removal;
    private final Use use;

    /**
     * What a grading run is for. {@link #CLASS}: many submissions, so the compile servers and the
     * workers' class-data-sharing archive pay for themselves. {@link #ONE}: a student's own
     * {@code check}, where latency is all: javac in this JVM, no archive, and the worker started
     * while the submission compiles.
     */
    public enum Use { CLASS, ONE }

    private Grading(GradingSetup setup, WorkFolder work, Use use) {
        this.setup = setup;
        this.work = work;
        this.use = use;
        this.removal = Reaper.afterKilling(this::removeWork);
    }

    /**
     * @param answers the specs with their answers (from the reference engine, or frozen in a
     *     student kit)
     * @param jobs how many submissions will be graded at once (sizes the compilers)
     */
    public static Grading prepare(List<SpecAnswers> answers, Assignment assignment, Launcher launcher,
            Diagnostician diagnostician, int jobs) throws IOException {
        return prepare(answers, assignment, launcher, diagnostician, Use.CLASS, jobs);
    }

    /** For a tensor assignment: its specs' answers, {@code jobs} submissions at a time, no bug named. */
    public static Grading prepareTensor(List<TensorSpecAnswers> answers, Assignment assignment, Launcher launcher,
            int jobs) throws IOException {
        return prepareTensor(answers, assignment, Set.of(), launcher, TensorDiagnostician.NONE, Use.CLASS, jobs);
    }

    /** For a tensor assignment, with {@code diagnostician} naming the likely bug behind a failed check. */
    public static Grading prepareTensor(List<TensorSpecAnswers> answers, Assignment assignment, Launcher launcher,
            TensorDiagnostician diagnostician, int jobs) throws IOException {
        return prepareTensor(answers, assignment, Set.of(), launcher, diagnostician, Use.CLASS, jobs);
    }

    /**
     * For a tensor assignment, for {@code use}.
     *
     * @param required tensor ops a submission must have a class for although no spec graded here uses
     *     them (in {@code check}, the hidden specs')
     */
    public static Grading prepareTensor(List<TensorSpecAnswers> answers, Assignment assignment,
            Set<TensorOp> required, Launcher launcher, TensorDiagnostician diagnostician, Use use, int jobs)
            throws IOException {
        return prepare(List.of(), answers, required, assignment, launcher, Diagnostician.NONE, diagnostician, use,
                jobs);
    }

    private static Grading prepare(List<SpecAnswers> answers, Assignment assignment, Launcher launcher,
            Diagnostician diagnostician, Use use, int jobs) throws IOException {
        return prepare(answers, List.of(), Set.of(), assignment, launcher, diagnostician, TensorDiagnostician.NONE,
                use, jobs);
    }

    private static Grading prepare(List<SpecAnswers> answers, List<TensorSpecAnswers> tensorAnswers,
            Set<TensorOp> requiredTensor, Assignment assignment, Launcher launcher, Diagnostician diagnostician,
            TensorDiagnostician tensorDiagnostician, Use use, int jobs) throws IOException {
        WorkFolder work = WorkFolder.create();
        try {
            WorkerRuntime runtime = WorkerRuntime.create(work.dir().resolve("runtime"));
            Compiler compiler = use == Use.ONE ? Compiler.inProcess(runtime.apiClasses(), assignment.compile())
                    : new Compiler(runtime.apiClasses(), assignment.compile(), mostCompilers(jobs));
            return new Grading(new GradingSetup(answers, assignment.weights(), assignment.limits(), launcher,
                    runtime, compiler, work.dir().resolve("submissions"), diagnostician, assignment.ops(),
                    tensorAnswers, requiredTensor, tensorDiagnostician), work, use);
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /** For one submission at a time. */
    public static Grading prepare(List<SpecAnswers> answers, Assignment assignment, Launcher launcher,
            Diagnostician diagnostician) throws IOException {
        return prepare(answers, assignment, launcher, diagnostician, Use.CLASS, 1);
    }

    /** A grading run for {@code use}: one submission at a time. */
    public static Grading prepare(List<SpecAnswers> answers, Assignment assignment, Launcher launcher,
            Diagnostician diagnostician, Use use) throws IOException {
        return prepare(answers, assignment, launcher, diagnostician, use, 1);
    }

    public GradingSetup setup() {
        return setup;
    }

    /**
     * Grades every submission, {@code jobs} at a time; {@code done} hears of each as it finishes
     * (from the grading threads); if it throws, the others are still graded and recorded, and the
     * first exception is thrown at the end. Returns the results in the order given; when topograd is being
     * stopped ({@link Reaper#stopping()}), only those finished before the stop, since a result cut
     * short by it is not the submission's.
     *
     * <p>Compiling runs ahead on threads of its own, in order: a submission is usually compiled by
     * the time a grading thread is free for it. At most {@code 2 * jobs} compiled submissions wait
     * their turn.
     */
    public List<SubmissionResult> grade(List<Submission> submissions, int jobs, Consumer<SubmissionResult> done) {
        SubmissionGrader grader = new SubmissionGrader(setup, use == Use.ONE);
        int lanes = Math.max(1, jobs);
        if (use == Use.CLASS && submissions.size() >= ARCHIVE_FROM) {
            setup.runtime().dumpArchive();
        }
        ExecutorService compiling = Executors.newFixedThreadPool(compilers(submissions.size(), lanes),
                r -> daemon(r, "compiler"));
        ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> daemon(r, "grader"));
        Semaphore ahead = new Semaphore(2 * lanes);
        AtomicReference<RuntimeException> unrecorded = new AtomicReference<>();
        try {
            List<Future<CompileResult>> compiled = new ArrayList<>();
            for (Submission s : submissions) {
                compiled.add(compiling.submit(() -> {
                    ahead.acquire();
                    return grader.compile(s);
                }));
            }
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                Submission s = submissions.get(i);
                Future<CompileResult> c = compiled.get(i);
                futures.add(pool.submit(() -> {
                    SubmissionResult result;
                    try {
                        result = grader.grade(s, c);
                    } catch (ExecutionException e) {
                        result = grader.failed(s, e.getCause());
                    } catch (Throwable e) {
                        result = grader.failed(s, e);
                    } finally {
                        ahead.release();
                    }
                    if (Reaper.stopping()) {
                        return null; // cut short by the stop: the next run grades it again
                    }
                    try {
                        done.accept(result);
                    } catch (RuntimeException e) {
                        unrecorded.compareAndSet(null, e); // the others still get graded and recorded
                    }
                    return result;
                }));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                SubmissionResult r = f.get();
                if (r != null) {
                    results.add(r);
                }
            }
            if (unrecorded.get() != null) {
                throw unrecorded.get();
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a grading thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            compiling.shutdownNow();
        }
    }

    /**
     * How many submissions compile at once, so how many compile servers start: enough that one slow
     * compile does not hold back the rest of a large class, no more than the class keeps busy.
     */
    static int compilers(int submissions, int lanes) {
        int wanted = mostCompilers(lanes);
        int worthwhile = Math.max(1, (submissions + SUBMISSIONS_PER_COMPILER - 1) / SUBMISSIONS_PER_COMPILER);
        return Math.min(wanted, worthwhile);
    }

    /** The compile servers a run of {@code jobs} lanes may have: at least two, at most four. */
    private static int mostCompilers(int jobs) {
        return Math.min(MAX_COMPILERS, Math.max(MIN_COMPILERS, jobs));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void removeWork() {
        setup.compiler().close();
        setup.runtime().close(); // the archive's dump must not still be writing into the work folder
        try {
            work.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete topograd's work folder " + work.dir(), e);
        }
    }

    @Override
    public void close() {
        Reaper.unregisterAfter(removal);
        removeWork();
    }
}
