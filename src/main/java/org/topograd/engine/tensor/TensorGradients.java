package org.topograd.engine.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.topograd.api.tensor.NDArray;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorGraph;

/**
 * Numerical gradients of a function of several tensors: {@link NumericalGradient} over their
 * elements laid end to end (input 0's elements row-major, then input 1's, ...).
 *
 * <p>Past {@link NumericalGradient.Settings#fastAbove()} elements in all, the check is
 * {@link NumericalGradient}'s fast mode: one random direction {@code v} over every element at
 * once, {@code (f(x + h v) - f(x - h v)) / 2h} against {@code grad · v}, five evaluations of
 * {@code f} however large the tensors (the scalar-output case of {@code torch.autograd.gradcheck}'s
 * fast mode, {@code u·J·v} with {@code u = 1}). Below it, every element is checked on its own,
 * and a {@link NumericalGradient.Check}'s {@code input} is the element's index in the flattened
 * vector ({@link #locate} turns it back into an input and an element).
 */
public final class TensorGradients {
    private TensorGradients() {}

    /** Where element {@code flat} of the flattened inputs lives: input {@code input}, element {@code element}. */
    public record Element(int input, int element) {}

    /** Checks the reference engine's gradient of {@code graph} at {@code inputs} against central differences. */
    public static List<NumericalGradient.Check> check(TensorGraph graph, List<NDArray> inputs,
            NumericalGradient.Settings settings) {
        return check(graph, inputs, TensorDerivatives.EXACT, settings);
    }

    /** As {@link #check(TensorGraph, List, NumericalGradient.Settings)}, with the gradient from a given rule. */
    public static List<NumericalGradient.Check> check(TensorGraph graph, List<NDArray> inputs, TensorDerivatives rule,
            NumericalGradient.Settings settings) {
        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, inputs, rule);
        List<NDArray> analytic = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            analytic.add(e.inputGrad(graph, k));
        }
        int[] order = e.order();
        return check(x -> TensorEngine.forward(graph, order, x)[graph.output()].item(), inputs, analytic, settings);
    }

    /**
     * Checks {@code analytic} (one gradient per input, of its shape) as the gradient of {@code f} at
     * {@code inputs}. {@code f} sees tensors of the inputs' shapes.
     */
    public static List<NumericalGradient.Check> check(ToDoubleFunction<List<NDArray>> f, List<NDArray> inputs,
            List<NDArray> analytic, NumericalGradient.Settings settings) {
        List<int[]> shapes = inputs.stream().map(NDArray::shape).toList();
        return NumericalGradient.check(x -> f.applyAsDouble(unflatten(x, shapes)), flatten(inputs),
                flatten(analytic), settings);
    }

    /** The elements of every tensor, end to end. */
    public static double[] flatten(List<NDArray> tensors) {
        int size = 0;
        for (NDArray t : tensors) {
            size += t.size();
        }
        double[] flat = new double[size];
        int at = 0;
        for (NDArray t : tensors) {
            System.arraycopy(t.toArray(), 0, flat, at, t.size());
            at += t.size();
        }
        return flat;
    }

    /** Tensors of these shapes from their elements end to end: the inverse of {@link #flatten}. */
    public static List<NDArray> unflatten(double[] flat, List<int[]> shapes) {
        List<NDArray> tensors = new ArrayList<>(shapes.size());
        int at = 0;
        for (int[] shape : shapes) {
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            tensors.add(NDArray.of(Arrays.copyOfRange(flat, at, at + size), shape));
            at += size;
        }
        if (at != flat.length) {
            throw new IllegalArgumentException(flat.length + " elements for shapes holding " + at);
        }
        return tensors;
    }

    /** The input and the element that element {@code flat} of the flattened inputs is. */
    public static Element locate(List<NDArray> inputs, int flat) {
        int at = flat;
        for (int k = 0; k < inputs.size(); k++) {
            if (at < inputs.get(k).size()) {
                return new Element(k, at);
            }
            at -= inputs.get(k).size();
        }
        throw new IndexOutOfBoundsException("element " + flat + " of " + (flat - at) + " elements");
    }
}
