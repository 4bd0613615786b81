package org.topograd.grading;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.Limits;
import org.topograd.sandbox.WorkerRuntime;
import org.topograd.spec.Op;
import org.topograd.spec.tensor.TensorOp;
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
 * @param tensorSpecs the tensor specs with their answers, in report order: an assignment has these
 *     or {@code specs}, never both ({@link #tensor()})
 * @param requiredTensor tensor ops a submission must have a class for although no tensor spec graded
 *     here uses them: in {@code check}, the hidden tensor specs' ops
 * @param tensorDiagnostician names the likely bug behind a failed check of a tensor spec
 */
record GradingSetup(List<SpecAnswers> specs, Weights weights, Limits limits, Launcher launcher,
        WorkerRuntime runtime, Compiler compiler, Path work,
        Diagnostician diagnostician, Set<Op> required, List<TensorSpecAnswers> tensorSpecs,
        Set<TensorOp> requiredTensor, TensorDiagnostician tensorDiagnostician) {

    public GradingSetup {
        specs = List.copyOf(specs);
        required = Set.copyOf(required);
        tensorSpecs = List.copyOf(tensorSpecs);
        requiredTensor = Set.copyOf(requiredTensor);
        if (!specs.isEmpty() && !tensorSpecs.isEmpty()) {
            throw new IllegalArgumentException("an assignment is graded with scalar specs or tensor specs, not both");
        }
    }

    /** Whether this is a tensor assignment, whose submissions implement the tensor API. */
    boolean tensor() {
        return !tensorSpecs.isEmpty();
    }

    /** The tensor ops some tensor spec uses, and the required ones: a submission must have a class for each. */
    Set<TensorOp> usedTensorOps() {
        Set<TensorOp> ops = EnumSet.noneOf(TensorOp.class);
        for (TensorSpecAnswers s : tensorSpecs) {
            ops.addAll(s.ops());
        }
        ops.addAll(requiredTensor);
        return ops;
    }

    /**
     * The largest frame an honest worker sends for these specs: a result's arrays are bounded by the
     * graph (values and three seeds' gradients; the traversal's order and call log, which the worker
     * caps at four entries a node) or by the numerical plan's points, the student's output by the
     * limits, and a failure's text by the worker's own caps, for which a megabyte is plenty. What a
     * worker may make the parent hold is this, times the frames read ahead, per worker.
     */
    public int maxReplyBytes() {
        long most = 0;
        for (SpecAnswers s : specs) {
            long points = 0;
            for (CaseAnswers c : s.cases()) {
                points = Math.max(points, c.plan().points().size());
            }
            most = Math.max(most, 64L * s.wire().size() + 8 * points);
        }
        for (TensorSpecAnswers s : tensorSpecs) {
            long points = 0;
            for (TensorCaseAnswers c : s.cases()) {
                points = Math.max(points, c.plan().points().size());
            }
            // values and three seeds' grads, 8 bytes an element; the traversal's per node, as above
            most = Math.max(most, 32L * s.wire().elements() + 64L * s.wire().size() + 8 * points);
        }
        return (int) Math.min(Integer.MAX_VALUE - 64, most + 4L * limits.outputBytes() + (1 << 20));
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
