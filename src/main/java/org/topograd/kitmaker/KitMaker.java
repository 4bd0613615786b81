package org.topograd.kitmaker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.diagnosis.Forecasts;
import org.topograd.diagnosis.Mutant;
import org.topograd.diagnosis.Mutants;
import org.topograd.diagnosis.tensor.TensorForecasts;
import org.topograd.diagnosis.tensor.TensorMutant;
import org.topograd.diagnosis.tensor.TensorMutants;
import org.topograd.grading.Assignment;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.TensorAnswers;
import org.topograd.grading.TensorWireGraph;
import org.topograd.grading.WireGraph;
import org.topograd.kit.FrozenAnswers;
import org.topograd.kit.StudentKit;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/**
 * Computes what a kit freezes, with the full tool's reference engine and mutants, and makes the
 * kit: what {@code topograd kit} (and the latency benchmark) runs. Never part of a kit itself: it
 * lives outside {@code kit}, whose classes must never reach the reference engine or the mutants
 * (a test of the package graph holds them to that).
 */
public final class KitMaker {
    private KitMaker() {}

    /**
     * @param specs every valid spec of the course, hidden ones included
     * @param specsDir the folder they are in (its {@code assignment.yaml} goes into the kit)
     */
    public static StudentKit.Made make(List<Spec> specs, Assignment assignment, Path specsDir, boolean starter,
            Path out) throws IOException, StudentKit.UnusableFolder {
        List<Spec> visible = specs.stream().filter(s -> !s.hidden()).toList();
        List<SpecAnswers> answers = ReferenceAnswers.of(visible, assignment.numerical());
        Set<Op> hiddenOps = EnumSet.noneOf(Op.class);
        Set<Op> required = EnumSet.noneOf(Op.class);
        for (Spec spec : specs) {
            (spec.hidden() ? hiddenOps : required).addAll(WireGraph.ops(spec.graph()));
        }
        required.addAll(hiddenOps);
        required.addAll(assignment.ops());
        FrozenAnswers.Contents frozen = new FrozenAnswers.Contents(answers, specs.size() - visible.size(), hiddenOps,
                new Forecasts(), Mutants.all().stream().map(Mutant::describe).toList());
        Path assignmentFile = specsDir.resolve(SpecLoader.ASSIGNMENT_FILE);
        return StudentKit.make(frozen, Files.isRegularFile(assignmentFile) ? assignmentFile : null, required, starter,
                out);
    }

    /**
     * A tensor assignment's kit: the visible tensor specs' answers from the tensor reference engine.
     *
     * @param specs every valid tensor spec of the course, hidden ones included
     */
    public static StudentKit.Made makeTensor(List<TensorSpec> specs, Assignment assignment, Path specsDir,
            boolean starter, Path out) throws IOException, StudentKit.UnusableFolder {
        List<TensorSpec> visible = specs.stream().filter(s -> !s.hidden()).toList();
        Set<TensorOp> hiddenOps = EnumSet.noneOf(TensorOp.class);
        Set<TensorOp> required = EnumSet.noneOf(TensorOp.class);
        for (TensorSpec spec : specs) {
            (spec.hidden() ? hiddenOps : required).addAll(TensorWireGraph.ops(spec.graph()));
        }
        required.addAll(hiddenOps);
        FrozenAnswers.Contents frozen = FrozenAnswers.Contents.tensor(TensorAnswers.of(visible,
                assignment.numerical()), specs.size() - visible.size(), hiddenOps, new TensorForecasts(),
                TensorMutants.all().stream().map(TensorMutant::describe).toList());
        Path assignmentFile = specsDir.resolve(SpecLoader.ASSIGNMENT_FILE);
        return StudentKit.makeTensor(frozen, Files.isRegularFile(assignmentFile) ? assignmentFile : null, required,
                starter, out);
    }
}
