package org.topograd.naming.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.topograd.diagnosis.tensor.BundledTensorSpecs;
import org.topograd.diagnosis.tensor.TensorForecasts;
import org.topograd.diagnosis.tensor.TensorMutant;
import org.topograd.diagnosis.tensor.TensorMutants;
import org.topograd.engine.tensor.TensorCalculus;
import org.topograd.grading.Check;
import org.topograd.grading.Diagnostician.Diagnosis;
import org.topograd.grading.TensorDiagnostician.Evidence;
import org.topograd.grading.TensorDiagnostician.Threw;
import org.topograd.grading.TensorDiagnostician.WrongShape;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * Naming the tensor bug from numbers alone: a student whose gradients are a mutant's is told that
 * mistake, in the class and at the node where it shows; a student whose gradients are anything else
 * (a bug outside the catalogue, or a mutant's numbers but wrong under another seed) is told nothing.
 */
class TensorBugNamerTest {
    private static final TensorForecasts FORECASTS = new TensorForecasts();
    private static final TensorBugNamer NAMER = new TensorBugNamer(FORECASTS);
    private static final Map<TensorOp, String> CLASSES = Map.of(TensorOp.MATMUL, "tensorprop.ops.LinearAlgebra$MatMul",
            TensorOp.ADD, "tensorprop.ops.Elementwise$Add");

    /** The gradients a student whose backward() makes mutant {@code m}'s mistake would have. */
    private static double[] numbersOf(TensorMutant m, TensorSpecAnswers spec) {
        return new TensorForecasts(List.of(m)).at(spec, 0).get(0).grads();
    }

    private static TensorMutant mutant(String mistake) {
        return TensorMutants.all().stream().filter(m -> m.mistake().equals(mistake)).findFirst().orElseThrow();
    }

    private static double[] times(double[] x, double k) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= k;
        }
        return y;
    }

    private static Optional<Diagnosis> gradientCheck(TensorSpecAnswers spec, double[] one, double[] zero,
            double[] two) {
        return NAMER.diagnose(new Evidence(Check.GRADIENT, spec, 0, one, zero, two, null, null, CLASSES));
    }

    @Test
    void aMissingTransposeIsNamedInTheClassThatMakesIt() {
        TensorSpecAnswers square = BundledTensorSpecs.spec("square-matmul");
        double[] student = numbersOf(mutant("matmul's gradient without the transpose (dA = G B instead of G Bᵀ)"),
                square);
        Diagnosis d = gradientCheck(square, student, new double[student.length], times(student, 2)).orElseThrow();
        assertEquals("matmul-no-transpose", d.bug());
        assertEquals("Likely bug: your numbers match matmul's gradient without the transpose (dA = G B instead of"
                + " G Bᵀ), in MatMul.backward() at node (B @ A). For value = A @ B, the gradients are dA = G Bᵀ and dB"
                + " = Aᵀ G: only with the transposes does each have its operand's shape, and square matrices hide a"
                + " missing one from the shape, not from the numbers.", d.explanation());
        for (Check check : List.of(Check.END_TO_END, Check.NUMERICAL)) {
            assertEquals("matmul-no-transpose", NAMER.diagnose(new Evidence(check, square, 0, student, null, null,
                    null, null, CLASSES)).orElseThrow().bug(), check.toString());
        }
        assertEquals(Optional.empty(), NAMER.diagnose(new Evidence(Check.FORWARD, square, 0, student, null, null,
                null, null, CLASSES)), "a mistake in backward() never explains a wrong value");
    }

    /** Without the class names the node's op says whose backward() it is. */
    @Test
    void withoutClassNamesTheOpIsNamed() {
        TensorSpecAnswers square = BundledTensorSpecs.spec("square-matmul");
        double[] student = numbersOf(mutant("matmul's gradient without the transpose (dB = A G instead of Aᵀ G)"),
                square);
        Diagnosis d = NAMER.diagnose(new Evidence(Check.END_TO_END, square, 0, student, null, null, null, null, null))
                .orElseThrow();
        assertTrue(d.explanation().contains("dB = A G instead of Aᵀ G), in the matmul node's backward() at node"
                + " (A @ B)."), d.explanation());
    }

    /** A wrong local derivative outside the catalogue (tanh's at its output) fails the checks, and is not named. */
    @Test
    void aBugOutsideTheCatalogueIsNotNamed() {
        TensorSpecAnswers square = BundledTensorSpecs.spec("square-matmul");
        TensorMutant outside = new TensorMutant("tanh-at-output", "tanh's derivative at its output", "",
                TensorMutant.Write.ACCUMULATE, (op, k, g, a, b, out, p) -> op == TensorOp.TANH
                        ? g.times(out.map(t -> 1 - Math.tanh(t) * Math.tanh(t)))
                        : TensorCalculus.vjp(op, k, g, a, b, out, p), EnumSet.of(TensorOp.TANH));
        TensorForecast f = new TensorForecasts(List.of(outside)).at(square, 0).get(0);
        assertEquals(EnumSet.of(Check.GRADIENT, Check.END_TO_END, Check.NUMERICAL), f.failing(), "it is wrong");
        double[] student = f.grads();
        assertEquals(Optional.empty(), gradientCheck(square, student, new double[student.length], times(student, 2)));
        for (Check check : List.of(Check.END_TO_END, Check.NUMERICAL)) {
            assertEquals(Optional.empty(), NAMER.diagnose(new Evidence(check, square, 0, student, null, null, null,
                    null, CLASSES)), check.toString());
        }
    }

    /** A mutant's numbers under seed 1, but not 0 under seed 0: another bug (the upstream gradient ignored). */
    @Test
    void theSameNumbersUnderOneSeedOnlyAreNotNamed() {
        TensorSpecAnswers square = BundledTensorSpecs.spec("square-matmul");
        double[] student = numbersOf(mutant("matmul's gradient without the transpose (dA = G B instead of G Bᵀ)"),
                square);
        assertEquals(Optional.empty(), gradientCheck(square, student, student, times(student, 2)));
        assertEquals(Optional.empty(), gradientCheck(square, student, new double[student.length], student));
        double[] off = student.clone();
        off[off.length - 1] += 1e-3; // one element of A.grad (the last input) beyond the tolerance
        assertEquals(Optional.empty(), NAMER.diagnose(new Evidence(Check.END_TO_END, square, 0, off, null, null,
                null, null, CLASSES)));
    }

    /** A share not summed back: named by the shape it leaves, the node it lands on and the backward() before. */
    @Test
    void aWrongShapeIsNamedOnlyWhereTheMistakeGivesIt() {
        TensorSpecAnswers affine = BundledTensorSpecs.spec("affine-cross-entropy");
        TensorGraph graph = affine.spec().graph();
        int z = graph.node("z").orElseThrow();
        int b = graph.inputNode(graph.inputIndex("b"));
        Diagnosis d = NAMER.diagnose(new Evidence(Check.GRADIENT, affine, 0, null, null, null,
                new WrongShape(b, z, new int[] {2, 5}), null, CLASSES)).orElseThrow();
        assertEquals("broadcast-not-summed", d.bug());
        assertTrue(d.explanation().startsWith("Likely bug: shape [2, 5] is what a broadcast operand's gradient not"
                + " summed back over the axes it was broadcast along (x.grad plus the share as it is, instead of"
                + " share.sumTo(x.shape)) gives. An operand broadcast"), d.explanation());
        Diagnosis endToEnd = NAMER.diagnose(new Evidence(Check.END_TO_END, affine, 0, null, null, null,
                new WrongShape(b, -1, new int[] {2, 5}), null, CLASSES)).orElseThrow();
        assertTrue(endToEnd.explanation().contains(" gives, in Add.backward() at node z. "), endToEnd.explanation());
        for (WrongShape other : List.of(new WrongShape(b, z, new int[] {5, 2}), new WrongShape(b, -1, new int[] {2,
                5}), new WrongShape(z, z, new int[] {2, 5}))) {
            assertEquals(Optional.empty(), NAMER.diagnose(new Evidence(Check.GRADIENT, affine, 0, null, null, null,
                    other, null, CLASSES)), other.toString());
        }
    }

    /** {@code =} for {@code +=}: the node used twice, and the operation whose backward() overwrites it. */
    @Test
    void assigningSaysWhichNodeLosesAShare() {
        TensorSpecAnswers broadcasting = BundledTensorSpecs.spec("broadcasting");
        double[] student = numbersOf(TensorMutants.all().get(0), broadcasting);
        Diagnosis d = gradientCheck(broadcasting, student, new double[student.length], times(student, 2))
                .orElseThrow();
        assertEquals("assign-instead-of-accumulate", d.bug());
        assertTrue(d.explanation().contains(": s is used twice, and with = only the last share survives instead of"
                + " the sum of both, in the mul node's backward() at node (s * s). "), d.explanation());
    }

    /**
     * Where the other operand is not square, a missing transpose multiplies arrays whose sizes do not
     * match: the exception's text (both shapes) in the same backward() names it; any other exception does not.
     */
    @Test
    void anExceptionIsNamedOnlyWhenItIsTheMistakes() {
        TensorSpecAnswers affine = BundledTensorSpecs.spec("affine-cross-entropy");
        TensorGraph graph = affine.spec().graph();
        int z = graph.node("z").orElseThrow();
        int xw = graph.first(z);
        String sizes = "java.lang.IllegalArgumentException: the inner sizes of matmul differ: [2, 5] @ [3, 5] pairs 5"
                + " columns with 3 rows; they must be equal";
        Diagnosis d = NAMER.diagnose(new Evidence(Check.GRADIENT, affine, 0, null, null, null, null,
                new Threw(xw, sizes), CLASSES)).orElseThrow();
        assertEquals("matmul-no-transpose", d.bug());
        assertTrue(d.explanation().startsWith("Likely bug: that exception is what matmul's gradient without the"
                + " transpose (dA = G B instead of G Bᵀ) throws here, where the sizes do not match. For value"),
                d.explanation());
        Diagnosis endToEnd = NAMER.diagnose(new Evidence(Check.END_TO_END, affine, 0, null, null, null, null,
                new Threw(-1, sizes), CLASSES)).orElseThrow();
        assertTrue(endToEnd.explanation().contains(" where the sizes do not match, in MatMul.backward() at node"
                + " (X @ W). "), endToEnd.explanation());
        for (Threw other : List.of(new Threw(z, sizes), new Threw(xw, "java.lang.NullPointerException"),
                new Threw(xw, sizes.replace("[3, 5]", "[5, 3]")))) {
            assertEquals(Optional.empty(), NAMER.diagnose(new Evidence(Check.GRADIENT, affine, 0, null, null, null,
                    null, other, CLASSES)), other.toString());
        }
    }
}
