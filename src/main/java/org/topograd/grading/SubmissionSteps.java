package org.topograd.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Op;
import org.topograd.submission.ClassScanner;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;

/**
 * The steps every run of a submission's code takes, grading it ({@link SubmissionGrader}) or tracing
 * it ({@link Tracer}, {@link TensorTracer}) alike: compile it into its folder, find its classes, and
 * give it a worker (which {@link Binding} then binds them in).
 */
final class SubmissionSteps {
    private SubmissionSteps() {}

    /** Compiles {@code submission} into {@code dir}, which also gets the worker's scratch folder. */
    static CompileResult compile(GradingSetup setup, Submission submission, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scratch"));
        return setup.compiler().compile(submission, dir);
    }

    /**
     * A submission compiled for tracing ({@link Tracer}, {@link TensorTracer}) into its own folder of
     * the run's work folder, with what is wrong when it does not compile, in the student's terms
     * (empty when it does).
     */
    record Traced(CompileResult compiled, Path dir, List<String> problems) {
        Traced {
            problems = List.copyOf(problems);
        }
    }

    static Traced compileForTrace(GradingSetup setup, Submission submission) throws IOException {
        Path dir = setup.work().resolve("trace-" + submission.id());
        CompileResult compiled = compile(setup, submission, dir);
        List<String> problems = new ArrayList<>();
        if (!compiled.ok()) {
            compiled.errors().forEach(d -> problems.add(d.toString()));
            problems.add(compiled.problem() != null ? compiled.problem() : "the submission does not compile");
        }
        return new Traced(compiled, dir, problems);
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
