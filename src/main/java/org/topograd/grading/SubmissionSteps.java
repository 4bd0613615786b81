package org.topograd.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Op;
import org.topograd.submission.ClassScanner;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;

/**
 * The steps every run of a submission's code takes, grading it ({@link SubmissionGrader}) or tracing
 * it ({@link Tracer}) alike: compile it into its folder, find its classes, and give it a worker
 * (which {@link Binding} then binds them in).
 */
final class SubmissionSteps {
    private SubmissionSteps() {}

    /** Compiles {@code submission} into {@code dir}, which also gets the worker's scratch folder. */
    static CompileResult compile(GradingSetup setup, Submission submission, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scratch"));
        return setup.compiler().compile(submission, dir);
    }

    /** The classes to bind for {@code ops}: one per op, the Backprop, and what is wrong with the rest. */
    static Discovery.Found discover(GradingSetup setup, CompileResult compiled, Set<Op> ops) throws IOException {
        return Discovery.choose(ClassScanner.scan(compiled.classes(), setup.compiler().limits().classBytes()), ops);
    }

    /** A worker session (not started yet) over {@code classes}, with its scratch folder in {@code dir}. */
    static WorkerSession session(GradingSetup setup, Path classes, Path dir) {
        return new WorkerSession(setup.launcher(), setup.runtime(), classes, setup.limits(), dir.resolve("scratch"),
                setup.maxReplyBytes());
    }
}
