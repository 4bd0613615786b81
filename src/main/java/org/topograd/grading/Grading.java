package org.topograd.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.topograd.Folders;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.WorkerRuntime;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Compiler;
import org.topograd.submission.Submission;

/**
 * A grading run: answers computed once, the worker runtime and the compiler prepared once, then any
 * number of submissions graded, several at a time. Closing it stops the compiler and deletes the
 * private work folder.
 */
public final class Grading implements AutoCloseable {
    /** Compiling one submission never takes this long unless something is wrong with it. */
    static final long COMPILE_MILLIS = 60_000;

    private final GradingSetup setup;
    private final Path work;
    private final Use use;

    /**
     * What a grading run is for. {@link #CLASS}: many submissions, so the compile server and the
     * workers' class-data-sharing archive pay for themselves. {@link #ONE}: a student's own
     * {@code check}, where latency is all: javac in this JVM, no archive, and the worker started
     * while the submission compiles.
     */
    public enum Use { CLASS, ONE }

    private Grading(GradingSetup setup, Path work, Use use) {
        this.setup = setup;
        this.work = work;
        this.use = use;
    }

    /**
     * @param answers the specs with their answers (from the reference engine, or frozen in a
     *     student kit)
     */
    public static Grading prepare(List<SpecAnswers> answers, Assignment assignment, Launcher launcher,
            Diagnostician diagnostician) throws IOException {
        return prepare(answers, assignment, launcher, diagnostician, Use.CLASS);
    }

    /** A grading run for {@code use}. */
    public static Grading prepare(List<SpecAnswers> answers, Assignment assignment, Launcher launcher,
            Diagnostician diagnostician, Use use) throws IOException {
        Path work = Files.createTempDirectory("topograd-");
        WorkerRuntime runtime = WorkerRuntime.create(work.resolve("runtime"), use == Use.CLASS);
        Compiler compiler = use == Use.ONE ? Compiler.inProcess(runtime.apiClasses(), COMPILE_MILLIS)
                : new Compiler(runtime.apiClasses(), COMPILE_MILLIS);
        return new Grading(new GradingSetup(answers, assignment.weights(), assignment.limits(), launcher,
                runtime, compiler, work.resolve("submissions"), diagnostician, assignment.ops()),
                work, use);
    }

    public GradingSetup setup() {
        return setup;
    }

    /**
     * Grades every submission, {@code jobs} at a time; {@code done} hears of each as it finishes
     * (from the grading threads). The results are in the order given.
     *
     * <p>Compiling runs ahead, in order, on a thread of its own (the compiler is one process): a
     * submission is usually compiled by the time a grading thread is free for it, so no thread waits
     * on another's compile. At most {@code 2 * jobs} compiled submissions wait their turn.
     */
    public List<SubmissionResult> grade(List<Submission> submissions, int jobs, Consumer<SubmissionResult> done) {
        SubmissionGrader grader = new SubmissionGrader(setup, use == Use.ONE);
        int lanes = Math.max(1, jobs);
        ExecutorService compiling = Executors.newSingleThreadExecutor(r -> daemon(r, "compiler"));
        ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> daemon(r, "grader"));
        Semaphore ahead = new Semaphore(2 * lanes);
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
                    } finally {
                        ahead.release();
                    }
                    done.accept(result);
                    return result;
                }));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            compiling.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        setup.compiler().close();
        setup.runtime().close(); // the archive's dump must not still be writing into the work folder
        try {
            Folders.deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete topograd's work folder " + work, e);
        }
    }
}
