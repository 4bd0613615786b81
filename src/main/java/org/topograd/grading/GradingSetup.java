package org.topograd.grading;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.Limits;
import org.topograd.sandbox.WorkerRuntime;
import org.topograd.spec.Op;
import org.topograd.submission.Compiler;

/**
 * What grading any submission needs, prepared once for a whole class.
 *
 * @param specs the specs with their answers, in report order
 * @param weights how points are shared among checks
 * @param limits what a worker may use
 * @param launcher how workers are started
 * @param runtime the worker's and the compiler's class folders
 * @param compiler the shared compiler
 * @param work a private folder for compiled classes and worker scratch space
 * @param diagnostician names the likely bug behind a failed check
 * @param required ops a submission must have a class for although no spec graded here uses them:
 *     the assignment's list, and in {@code check} the hidden specs' ops
 */
public record GradingSetup(List<SpecAnswers> specs, Weights weights, Limits limits, Launcher launcher,
        WorkerRuntime runtime, Compiler compiler, Path work,
        Diagnostician diagnostician, Set<Op> required) {

    public GradingSetup {
        specs = List.copyOf(specs);
        required = Set.copyOf(required);
    }

    /**
     * The ops a submission must have a class for: those some spec uses, and the required ones. A
     * missing one is reported (and fails {@code check}) even where no spec graded here uses it.
     */
    public Set<Op> usedOps() {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        for (SpecAnswers s : specs) {
            ops.addAll(s.ops());
        }
        ops.addAll(required);
        return ops;
    }
}
