package org.topograd.diagnosis.tensor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.diagnosis.SuiteAudit;
import org.topograd.grading.Check;
import org.topograd.grading.TensorSpecAnswers;
import org.topograd.grading.Weights;
import org.topograd.naming.tensor.TensorForecast;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * {@link SuiteAudit} for tensor specs: every tensor mutant against a suite, with the same verdicts
 * (a spec catches a mutant when a check that counts fails on it at some point, a wrong shape or a
 * backward() that throws included) and the same report ({@link org.topograd.diagnosis.AuditReport}).
 * What the suite lacks is said in tensor terms: no node used twice, no broadcast operand, no square
 * matrix where a missing transpose keeps its shape.
 */
public final class TensorSuiteAudit {
    private TensorSuiteAudit() {}

    public static SuiteAudit.Report audit(List<TensorSpecAnswers> specs, Weights weights) {
        return audit(specs, weights, new TensorForecasts());
    }

    public static SuiteAudit.Report audit(List<TensorSpecAnswers> specs, Weights weights, TensorForecasts forecasts) {
        List<TensorMutant> mutants = forecasts.mutants();
        Shapes shapes = Shapes.of(specs);
        List<String> ids = specs.stream().map(s -> s.spec().id()).toList();
        List<SuiteAudit.Verdict> verdicts = SuiteAudit.verdicts(ids, mutants.stream().map(TensorMutant::describe)
                .toList(), new SuiteAudit.Sightings() {
                    @Override
                    public int points(int spec) {
                        return specs.get(spec).cases().size();
                    }

                    @Override
                    public Set<Check> failing(int spec, int point, int mutant) {
                        TensorForecast f = forecasts.at(specs.get(spec), point).get(mutant);
                        return f.failing();
                    }
                }, weights, i -> shapes.whyUncaught(mutants.get(i)));
        return new SuiteAudit.Report(ids, verdicts, shapes.gaps(), degenerate(specs));
    }

    /** What the suite's graphs have, over the nodes reachable from each output. */
    private record Shapes(boolean sharedNode, boolean broadcast, Set<TensorOp> ops) {
        static Shapes of(List<TensorSpecAnswers> specs) {
            boolean shared = false;
            boolean broadcast = false;
            Set<TensorOp> ops = EnumSet.noneOf(TensorOp.class);
            for (TensorSpecAnswers s : specs) {
                TensorGraph graph = s.spec().graph();
                int[] order = s.cases().get(0).order();
                int[] uses = new int[graph.size()];
                for (int node : order) {
                    TensorOp op = graph.op(node);
                    if (op.isLeaf()) {
                        continue;
                    }
                    ops.add(op);
                    for (int k = 0; k < graph.operandCount(node); k++) {
                        int operand = k == 0 ? graph.first(node) : graph.second(node);
                        shared |= ++uses[operand] >= 2 && graph.op(operand) != TensorOp.CONSTANT;
                        broadcast |= op.isElementwise() && graph.operandCount(node) == 2
                                && graph.op(operand) != TensorOp.CONSTANT
                                && !graph.shape(operand).equals(graph.shape(node));
                    }
                }
            }
            return new Shapes(shared, broadcast, ops);
        }

        List<String> gaps() {
            List<String> gaps = new ArrayList<>();
            if (!sharedNode) {
                gaps.add("no spec has a node used twice (by two operations, or as both operands of one): = instead"
                        + " of += goes undetected");
            }
            if (!broadcast) {
                gaps.add("no spec broadcasts an operand (a [3] against a [2, 3], a [2, 1] against a [2, 3]): a"
                        + " gradient not summed back goes undetected");
            }
            return gaps;
        }

        /** An op as specs write it: {@code sum(x, axis)} for the reduction along an axis, {@code @} for matmul. */
        static String written(TensorOp op) {
            return switch (op) {
                case SUM_AXIS -> "sum(x, axis)";
                case MEAN_AXIS -> "mean(x, axis)";
                case SUM, MEAN -> op.specName() + "(x)";
                default -> op.specName();
            };
        }

        String whyUncaught(TensorMutant m) {
            if (m.write() == TensorMutant.Write.ASSIGN && !sharedNode) {
                return "no spec has a node used twice, the only place where = and += differ";
            }
            if (m.ops().stream().noneMatch(ops::contains)) {
                return "no spec uses " + String.join(" or ", m.ops().stream().map(Shapes::written).toList())
                        + ", so its backward() is never checked";
            }
            if (m.bug().startsWith("broadcast") && !broadcast) {
                return "no spec broadcasts an operand of an arithmetic operator";
            }
            return "the specs never tell it from the right answer at their input points: add a graph or a point"
                    + " where it changes a gradient (a square matrix, a batch of more than one row)";
        }
    }

    /** Specs whose shapes hide a mistake in its numbers and shapes both. */
    static List<String> degenerate(List<TensorSpecAnswers> specs) {
        List<String> found = new ArrayList<>();
        for (TensorSpecAnswers s : specs) {
            TensorGraph graph = s.spec().graph();
            for (int node : s.cases().get(0).order()) {
                TensorOp op = graph.op(node);
                if (op == TensorOp.CROSS_ENTROPY && graph.shape(graph.second(node)).size() == 1) {
                    found.add(s.spec().id() + ": cross_entropy at " + graph.label(node) + " has a batch of one row,"
                            + " where a gradient not divided by the batch is right: use two rows or more");
                }
                if ((op == TensorOp.MEAN || op == TensorOp.MEAN_AXIS) && count(graph, node) == 1) {
                    found.add(s.spec().id() + ": " + graph.label(node) + " averages a single element, where a"
                            + " gradient not divided by the count is right");
                }
            }
        }
        return found;
    }

    /** How many elements a mean at {@code node} averages. */
    private static int count(TensorGraph graph, int node) {
        Shape x = graph.shape(graph.first(node));
        return graph.op(node) == TensorOp.MEAN ? x.size() : x.dim(graph.axis(node));
    }
}
