package org.topograd.naming.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.topograd.grading.Check;
import org.topograd.grading.Diagnostician.Diagnosis;
import org.topograd.grading.TensorCaseAnswers;
import org.topograd.grading.TensorDiagnostician;
import org.topograd.grading.TensorJudge;
import org.topograd.naming.Mistake;
import org.topograd.naming.Words;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.submission.Discovery;

/**
 * {@link org.topograd.naming.BugNamer} for tensor assignments: names the classic mistake behind a
 * failed check when the student's gradients are, element by element and within the spec's tolerance,
 * the numbers a tensor mistake gives at that point (the first such mistake in catalogue order), or
 * when the first gradient of the wrong shape is the very one the mistake gives (same node, same
 * shape, after the same backward()), or when a backward() threw the very exception the mistake throws
 * there (the same text, which names both arrays' shapes). A mistake is named only where its forecast
 * matches the student's: a bug outside the catalogue gets no name.
 *
 * <p>It works from numbers only ({@link TensorForecastSource}). Thread-safe when its source is.
 */
public final class TensorBugNamer implements TensorDiagnostician {
    private final TensorForecastSource forecasts;

    public TensorBugNamer(TensorForecastSource forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Optional<Diagnosis> diagnose(Evidence evidence) {
        Check check = evidence.check();
        if (check == Check.FORWARD || check == Check.TRAVERSAL) {
            return Optional.empty(); // tensor mistakes are in backward()s, under any traversal
        }
        List<TensorForecast> point = forecasts.at(evidence.spec(), evidence.caseIndex());
        if (point == null) {
            return Optional.empty();
        }
        for (TensorForecast f : point) {
            if (!f.caughtBy(check)) {
                continue;
            }
            boolean same = evidence.threw() != null ? sameThrow(f, evidence)
                    : evidence.wrongShape() != null ? sameShape(f, evidence) : matches(f, evidence);
            if (same) {
                return Optional.of(new Diagnosis(f.mistake().bug(), explain(f, evidence)));
            }
        }
        return Optional.empty();
    }

    /** Whether the student's first wrongly shaped gradient is the mistake's: node, shape and the code just run. */
    static boolean sameShape(TensorForecast f, Evidence e) {
        WrongShape want = e.check() == Check.END_TO_END ? f.endToEndShape() : f.wrongShape();
        return want != null && want.equals(e.wrongShape());
    }

    /**
     * Whether the student's backward() threw what the mistake's throws: the same text, and, under
     * topograd's order, in the same node's backward() (the student's own traversal may reach it later).
     */
    static boolean sameThrow(TensorForecast f, Evidence e) {
        return f.threw() != null && f.threw().exception().equals(e.threw().exception())
                && (e.check() == Check.END_TO_END || f.threw().after() == e.threw().after());
    }

    /** Whether the student's numbers are the mistake's at every element the check compares. */
    static boolean matches(TensorForecast f, Evidence e) {
        if (f.grads() == null || e.grads() == null) {
            return false;
        }
        int[] order = e.spec().cases().get(e.caseIndex()).order();
        if (!same(e, order, e.grads(), f.grads(), 1)) {
            return false;
        }
        if (e.check() != Check.GRADIENT) {
            return true;
        }
        return e.zeroSeed() != null && e.twoSeed() != null && same(e, order, e.zeroSeed(), f.grads(), 0)
                && same(e, order, e.twoSeed(), f.grads(), 2);
    }

    /** {@code got} against {@code scale} times {@code want}, element by element, constants aside. */
    private static boolean same(Evidence e, int[] order, double[] got, double[] want, double scale) {
        if (got.length != want.length) {
            return false;
        }
        TensorGraph graph = e.spec().spec().graph();
        Tolerance tolerance = e.spec().spec().tolerance();
        int[] offsets = e.spec().wire().offsets();
        for (int node : order) {
            if (graph.op(node) == TensorOp.CONSTANT) {
                continue;
            }
            for (int i = offsets[node]; i < offsets[node + 1]; i++) {
                if (!tolerance.accepts(got[i], scale * want[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- explanations --------------------------------------------------------------------------

    private static String explain(TensorForecast f, Evidence e) {
        TensorGraph graph = e.spec().spec().graph();
        TensorJudge judge = new TensorJudge(graph, e.spec().spec().tolerance());
        Mistake m = f.mistake();
        StringBuilder text = new StringBuilder("Likely bug: ");
        if (e.threw() != null) {
            text.append("that exception is what ").append(m.mistake()).append(" throws here, where the sizes do not"
                    + " match");
            if (e.threw().after() < 0) {
                text.append(where(graph, judge, List.of(f.threw().after()), e));
            }
        } else if (e.wrongShape() != null) {
            // The check's own message says after which backward() the shape went wrong, unless the student's
            // traversal had run: then the mistake's forecast says which user wrote it.
            WrongShape w = e.wrongShape();
            text.append("shape ").append(Arrays.toString(w.shape())).append(" is what ").append(m.mistake())
                    .append(" gives");
            if (w.after() < 0) {
                text.append(where(graph, judge, culprits(f, graph, w.node(), e.spec().cases().get(e.caseIndex())
                        .order()), e));
            }
        } else {
            text.append("your numbers match ").append(m.mistake());
            int[] order = e.spec().cases().get(e.caseIndex()).order();
            int node = firstWrong(e, order);
            if (node >= 0) {
                if (m.kind() == Mistake.Kind.ASSIGN) {
                    int uses = uses(graph, order, node);
                    if (uses >= 2) {
                        text.append(": ").append(judge.name(node)).append(" is used ").append(Words.times(uses))
                                .append(", and with = only the last share survives instead of the sum of ")
                                .append(uses == 2 ? "both" : "all " + uses);
                    }
                }
                text.append(where(graph, judge, culprits(f, graph, node, order), e));
            }
        }
        return text.append(". ").append(m.fix()).toString();
    }

    /** ", in MatMul.backward() at node (X @ W)": where the mistake shows first. */
    private static String where(TensorGraph graph, TensorJudge judge, List<Integer> nodes, Evidence e) {
        if (nodes.isEmpty()) {
            return "";
        }
        List<String> named = new ArrayList<>();
        for (int node : nodes) {
            TensorOp op = graph.op(node);
            String cls = e.classes().get(op);
            named.add((cls == null ? "the " + op.specName() + " node's backward()" : Discovery.simpleName(cls)
                    + ".backward()") + " at node " + judge.name(node));
        }
        return ", in " + Words.list(named);
    }

    /**
     * The node nearest the output (reverse topological order) with a gradient element outside the
     * tolerance of the right one; every node that uses it is right, so its users' backward()s made it.
     */
    private static int firstWrong(Evidence e, int[] order) {
        TensorGraph graph = e.spec().spec().graph();
        Tolerance tolerance = e.spec().spec().tolerance();
        int[] offsets = e.spec().wire().offsets();
        TensorCaseAnswers answers = e.spec().cases().get(e.caseIndex());
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (graph.op(node) == TensorOp.CONSTANT) {
                continue;
            }
            for (int j = offsets[node]; j < offsets[node + 1]; j++) {
                if (!tolerance.accepts(e.grads()[j], answers.grads()[j])) {
                    return node;
                }
            }
        }
        return -1;
    }

    /**
     * The users of {@code node} whose backward() the mistake changes along the edge into it; every user
     * when the forecast tells none apart.
     */
    private static List<Integer> culprits(TensorForecast f, TensorGraph graph, int node, int[] order) {
        List<Integer> users = new ArrayList<>();
        List<Integer> suspects = new ArrayList<>();
        for (int user : order) {
            for (int k = 0; k < graph.operandCount(user); k++) {
                int operand = k == 0 ? graph.first(user) : graph.second(user);
                if (operand == node) {
                    if (!users.contains(user)) {
                        users.add(user);
                    }
                    if (f.differsAt(user, k) && !suspects.contains(user)) {
                        suspects.add(user);
                    }
                }
            }
        }
        return suspects.isEmpty() ? users : suspects;
    }

    private static int uses(TensorGraph graph, int[] order, int node) {
        int uses = 0;
        for (int user : order) {
            uses += (graph.first(user) == node ? 1 : 0) + (graph.second(user) == node ? 1 : 0);
        }
        return uses;
    }
}
