package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.topograd.engine.ReferenceEngine;
import org.topograd.engine.SpecValidator;
import org.topograd.engine.tensor.TensorSolver;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;
import org.topograd.spec.tensor.TensorSpec;

/** The answers from topograd's reference engine. */
public final class ReferenceAnswers {
    /** The reference engine as an answer source: its answers, and a spec refused for what validate finds. */
    public static final AnswerSource SOURCE = new AnswerSource() {
        @Override
        public List<SpecAnswers> answers(List<Spec> specs, NumericalGradient.Settings numerical) {
            return of(specs, numerical);
        }

        @Override
        public List<TensorSpecAnswers> tensorAnswers(List<TensorSpec> specs, NumericalGradient.Settings numerical) {
            return TensorAnswers.of(specs, numerical);
        }

        @Override
        public List<Problem> unfit(Spec spec, NumericalGradient.Settings numerical) {
            return SpecValidator.problems(spec, numerical);
        }

        @Override
        public List<Problem> unfit(TensorSpec spec, NumericalGradient.Settings numerical) {
            return TensorSolver.solve(spec, numerical).problems();
        }
    };

    private ReferenceAnswers() {}

    /** Answers for every spec, in order; each spec's position names its graph on the wire. */
    public static List<SpecAnswers> of(List<Spec> specs, NumericalGradient.Settings numerical) {
        List<SpecAnswers> answers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            answers.add(of(i, specs.get(i), numerical));
        }
        return answers;
    }

    /** Answers for every case of a spec; {@code id} names the graph on the wire. */
    public static SpecAnswers of(int id, Spec spec, NumericalGradient.Settings numerical) {
        Graph graph = spec.graph();
        int[] order = ReferenceEngine.topologicalOrder(graph);
        List<CaseAnswers> cases = new ArrayList<>();
        for (int c = 0; c < spec.cases().size(); c++) {
            Case point = spec.cases().get(c);
            double[] values = ReferenceEngine.forward(graph, order, point.inputs());
            double[] grads = ReferenceEngine.backward(graph, order, values, 1);
            double[] partials = probePartials(graph);
            double[] probeGrads = new double[graph.size()];
            ReferenceEngine.accumulate(graph, order, 1, (node, k) -> partials[2 * node + k], probeGrads);
            cases.add(new CaseAnswers(order, values, grads, partials, probeGrads,
                    NumericalGradient.plan(point.inputs(), numerical)));
        }
        return new SpecAnswers(spec, WireGraph.of(id, graph), WireGraph.ops(graph, order), cases);
    }

    /**
     * Local derivatives for the traversal check's probe nodes: 0.8 or 1.25 at random. Reciprocal
     * sizes keep products along the paths of a deep graph near 1; all positive, so contributions
     * never cancel, and a path counted twice or left out always changes a gradient. The same at
     * every input point: the traversal check does not depend on the inputs.
     */
    static double[] probePartials(Graph graph) {
        SplittableRandom random = new SplittableRandom(0x709067ADL + graph.size());
        double[] partials = new double[2 * graph.size()];
        for (int i = 0; i < partials.length; i++) {
            partials[i] = random.nextBoolean() ? 0.8 : 1.25;
        }
        return partials;
    }
}
