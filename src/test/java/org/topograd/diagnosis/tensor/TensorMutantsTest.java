package org.topograd.diagnosis.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topograd.engine.tensor.TensorDerivatives;
import org.topograd.grading.Check;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.naming.tensor.TensorForecast;
import org.topograd.spec.tensor.TensorOp;

/**
 * The tensor mutant catalogue on the bundled tensor specs, at the engine level (no student code):
 * each mutant is told apart from the right answer by some bundled spec, the harness that runs them
 * gives the reference with the right rule, and the forecasts say what the checks would see.
 */
class TensorMutantsTest {
    private static final TensorForecasts FORECASTS = new TensorForecasts();

    @Test
    void everyMutantIsToldApartOnSomeBundledSpec() {
        List<TensorMutant> mutants = TensorMutants.all();
        List<String> never = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            boolean caught = false;
            for (TensorSpecAnswers s : BundledTensorSpecs.answers()) {
                for (int c = 0; c < s.cases().size(); c++) {
                    caught |= FORECASTS.at(s, c).get(i).failing().containsAll(Set.of(Check.GRADIENT,
                            Check.END_TO_END));
                }
            }
            if (!caught) {
                never.add(mutants.get(i).mistake());
            }
        }
        assertEquals(List.of(), never);
    }

    /** The list, each under a stable name (the summary's bugs column). */
    @Test
    void theCatalogueHasTheClassicTensorMistakes() {
        assertEquals(List.of("assign-instead-of-accumulate", "matmul-no-transpose", "broadcast-not-summed",
                "broadcast-summed-wrong-axis", "softmax-missing-outer", "log-softmax-missing-outer",
                "cross-entropy-not-averaged", "mean-not-divided", "mean-axis-not-divided", "sum-axis-wrong-axis",
                "mean-axis-wrong-axis"),
                TensorMutants.bugs());
    }

    /** The mutants' harness with the right rule and += is the reference engine: no check tells it apart. */
    @Test
    void theRightRuleThroughTheHarnessIsTheReference() {
        TensorMutant right = new TensorMutant("none", "the right rule", "nothing", TensorMutant.Write.ACCUMULATE,
                TensorDerivatives.EXACT, EnumSet.copyOf(TensorOp.operations()));
        TensorForecasts forecasts = new TensorForecasts(List.of(right));
        for (TensorSpecAnswers s : BundledTensorSpecs.answers()) {
            for (int c = 0; c < s.cases().size(); c++) {
                TensorForecast f = forecasts.at(s, c).get(0);
                assertEquals(Set.of(), f.failing(), s.spec().id());
                assertArrayEquals(s.cases().get(c).grads(), f.grads(), 1e-15, s.spec().id());
                assertEquals(0, f.edges().length, s.spec().id());
            }
        }
    }

    /**
     * Matmul without its transposes: square matrices keep the shape, so only the numbers show it; where
     * the other operand is not square the sizes do not match and the backward() throws, as a student's does.
     */
    @Test
    void squareShapesHideAMissingTransposeFromTheShapeButNotFromTheNumbers() {
        int left = TensorMutants.all().stream().map(TensorMutant::mistake).toList()
                .indexOf("matmul's gradient without the transpose (dA = G B instead of G Bᵀ)");
        TensorForecast square = FORECASTS.at(BundledTensorSpecs.spec("square-matmul"), 0).get(left);
        assertNotNull(square.grads());
        assertEquals(EnumSet.of(Check.GRADIENT, Check.END_TO_END, Check.NUMERICAL), square.failing());
        TensorForecast affine = FORECASTS.at(BundledTensorSpecs.spec("affine-cross-entropy"), 0).get(left);
        assertNull(affine.grads());
        assertNull(affine.wrongShape());
        assertFalse(affine.failing().isEmpty());
    }

    /**
     * A gradient not summed back has the shape of the broadcast result, after the backward() that wrote it;
     * its edges name that backward() (the Add at z, which adds the bias b).
     */
    @Test
    void aShareNotSummedBackIsForecastAsAWrongShape() {
        TensorSpecAnswers affine = BundledTensorSpecs.spec("affine-cross-entropy");
        int notSummed = TensorMutants.all().stream().map(TensorMutant::bug).toList().indexOf("broadcast-not-summed");
        TensorForecast f = FORECASTS.at(affine, 0).get(notSummed);
        int z = affine.spec().graph().node("z").orElseThrow();
        int b = affine.spec().graph().inputNode(affine.spec().graph().inputIndex("b"));
        assertNull(f.grads());
        assertNotNull(f.wrongShape());
        assertEquals(b, f.wrongShape().node());
        assertEquals(z, f.wrongShape().after());
        assertArrayEquals(new int[] {2, 5}, f.wrongShape().shape());
        assertEquals(b, f.endToEndShape().node());
        assertEquals(-1, f.endToEndShape().after());
        assertTrue(f.differsAt(z, 1), "z = (X @ W) + b: operand 1 is b");
    }

    /** Only where a node has two uses does = differ from +=: the edges into such a node. */
    @Test
    void assignDiffersOnlyWhereANodeHasTwoUses() {
        TensorSpecAnswers lecture = BundledTensorSpecs.spec("lecture-graph");
        TensorForecast f = FORECASTS.at(lecture, 0).get(0);
        assertEquals("assign-instead-of-accumulate", f.mistake().bug());
        assertEquals(Set.of(), f.failing(), "the lecture's graph uses every node once");
        assertEquals(0, f.edges().length);
    }
}
