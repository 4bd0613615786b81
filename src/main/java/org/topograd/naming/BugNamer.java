package org.topograd.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.Check;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.OpProbes;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

/**
 * Names the classic mistake behind a failed check: the first mistake, in catalogue order, whose
 * numbers the student's match at every compared node (within the spec's tolerance) while the
 * check tells the mistake from the reference. The explanation says which mistake, where the first
 * wrong gradient comes from, and the lecture's idea that fixes it.
 *
 * <p>Where the first wrong gradient comes from several nodes' backward()s, the student's classes
 * tried on their own ({@link OpProbes}) say which of them makes the mistake, so that a right class
 * is not blamed with the wrong one.
 *
 * <p>It works from numbers only ({@link ForecastSource}), so the full tool and the student kit
 * name a bug the same way. Thread-safe when its source is.
 *
 * <p>Over 300 lines for a reason: matching the numbers, locating the first wrong gradient, finding
 * the class at fault and wording the explanation are the steps of one diagnosis, each a few small
 * methods, read top to bottom; apart, each would take the others' results as parameters.
 */
public final class BugNamer implements Diagnostician {
    private final ForecastSource forecasts;

    public BugNamer(ForecastSource forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Optional<Diagnosis> diagnose(Evidence evidence) {
        Check check = evidence.check();
        if (check == Check.FORWARD || evidence.grads() == null) {
            return Optional.empty(); // mistakes change gradients only
        }
        PointForecast point = forecasts.at(evidence.spec(), evidence.caseIndex());
        if (point == null) {
            return Optional.empty();
        }
        for (Forecast forecast : point.forecasts()) {
            if (forecast.predicted() && forecast.caughtBy(check) && matches(forecast, evidence)) {
                return Optional.of(new Diagnosis(forecast.mistake().bug(), explain(forecast, point, evidence)));
            }
        }
        return Optional.empty();
    }

    /** Whether the student's numbers are the mistake's, at every node the check compares. */
    static boolean matches(Forecast f, Evidence e) {
        Graph graph = e.spec().spec().graph();
        int[] order = e.spec().cases().get(e.caseIndex()).order();
        Tolerance tolerance = e.spec().spec().tolerance();
        switch (e.check()) {
            case GRADIENT:
                return same(graph, order, tolerance, e.grads(), f.seed1())
                        && same(graph, order, tolerance, e.zeroSeed(), f.seed0())
                        && same(graph, order, tolerance, e.twoSeed(), f.seed2());
            case TRAVERSAL:
                return same(graph, order, tolerance, e.grads(), f.probe());
            case END_TO_END:
                return same(graph, order, tolerance, e.grads(), f.endToEnd());
            case NUMERICAL:
                return same(graph, order, tolerance, e.grads(), f.seed1());
            default:
                return false;
        }
    }

    private static boolean same(Graph graph, int[] order, Tolerance tolerance, double[] got, double[] want) {
        if (got == null || want == null || got.length != want.length) {
            return false;
        }
        for (int node : order) {
            if (graph.op(node) != Op.CONSTANT && !tolerance.accepts(got[node], want[node])) {
                return false;
            }
        }
        return true;
    }

    // ---- explanations --------------------------------------------------------------------------

    private String explain(Forecast f, PointForecast point, Evidence e) {
        Graph graph = e.spec().spec().graph();
        CaseAnswers answers = e.spec().cases().get(e.caseIndex());
        Mistake m = f.mistake();
        Locator.Spot spot = firstWrong(e, answers);
        StringBuilder text = new StringBuilder("Likely bug: your numbers match ").append(m.mistake());
        if (m.kind() == Mistake.Kind.RESET_AFTER_BACKWARD) {
            text.append(": the inputs' gradients are right, but every other node's is 0");
            if (spot != null) {
                text.append(" (").append(Words.node(graph, spot.node())).append(".grad is ")
                        .append(Words.number(spot.got())).append(" instead of ").append(Words.number(spot.want()))
                        .append(')');
            }
        } else if (!m.kind().traversal()) {
            text.append(nodeDetail(f, point, graph, answers, spot));
            if (spot != null) {
                text.append(". The first wrong gradient is ").append(Words.node(graph, spot.node())).append(".grad (")
                        .append(Words.number(spot.got())).append(" instead of ").append(Words.number(spot.want()))
                        .append(')').append(source(graph, spot, culprits(f, point, graph, spot, e), e.classes()));
            }
        } else {
            text.append(traversalDetail(m.kind(), graph, answers, spot));
        }
        return text.append(". ").append(m.fix()).toString();
    }

    /** The student's gradients against the right ones, in the arrays where the check first saw a difference. */
    private static Locator.Spot firstWrong(Evidence e, CaseAnswers answers) {
        Graph graph = e.spec().spec().graph();
        Tolerance tolerance = e.spec().spec().tolerance();
        int[] order = answers.order();
        if (e.check() == Check.TRAVERSAL) {
            return Locator.find(graph, order, e.grads(), answers.probeGrads(), tolerance);
        }
        Locator.Spot spot = Locator.find(graph, order, e.grads(), answers.grads(), tolerance);
        if (spot != null || e.check() != Check.GRADIENT) {
            return spot;
        }
        double[] doubled = answers.grads().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        spot = Locator.find(graph, order, e.twoSeed(), doubled, tolerance);
        return spot != null ? spot : Locator.find(graph, order, e.zeroSeed(), new double[doubled.length], tolerance);
    }

    /**
     * The consumers whose backward() gave the wrong share. The numbers narrow it down for a wrong
     * local derivative (those whose rule differs on the edge into the node; the consumers' own
     * gradients are right); for a wrong way of writing they cannot, and every consumer is a suspect.
     * Then the probes: of the suspects, those whose class shows the mistake on its own. When no
     * class shows it (the probe could not run, or the mistake does not show at the probe's point),
     * every suspect stays named.
     */
    private List<Integer> culprits(Forecast f, PointForecast point, Graph graph, Locator.Spot spot, Evidence e) {
        List<Integer> suspects = new ArrayList<>();
        if (f.mistake().kind() == Mistake.Kind.RULE) {
            for (int user : spot.consumers()) {
                for (int k = 0; k < graph.operandCount(user); k++) {
                    if (graph.operand(user, k) == spot.node() && ruleDiffers(f, point, user, k)
                            && !suspects.contains(user)) {
                        suspects.add(user);
                    }
                }
            }
        }
        if (suspects.isEmpty()) {
            suspects.addAll(spot.consumers());
        }
        List<Integer> shown = new ArrayList<>();
        for (int user : suspects) {
            for (int k = 0; k < graph.operandCount(user); k++) {
                if (graph.operand(user, k) == spot.node() && shows(f.mistake(), graph.op(user), k, e.probes())
                        && !shown.contains(user)) {
                    shown.add(user);
                }
            }
        }
        return shown.isEmpty() ? suspects : shown;
    }

    /** Whether {@code op}'s class, tried on its own, makes the mistake on operand {@code k}. */
    private boolean shows(Mistake mistake, Op op, int k, OpProbes probes) {
        if (!mistake.ops().contains(op) || k >= OpProbes.operands(op)) {
            return false;
        }
        Optional<OpProbes.Behaviour> behaviour = probes.of(op);
        if (behaviour.isEmpty()) {
            return false;
        }
        OpProbes.Behaviour b = behaviour.get();
        switch (mistake.kind()) {
            case ASSIGN:
                return b.overwrites(k);
            case IGNORE_UPSTREAM:
                return b.ignoresUpstream(k);
            case RESET_AFTER_BACKWARD:
                return b.resetsOwnGrad();
            case RULE: {
                double[] right = forecasts.atProbe(op);
                return right != null && b.wrongLocal(k, right[k]);
            }
            default:
                return false;
        }
    }

    private static boolean ruleDiffers(Forecast f, PointForecast point, int node, int k) {
        return f.partials() != null && Double.compare(point.exact()[2 * node + k], f.partials()[2 * node + k]) != 0;
    }

    /** ", which flows out of Power.backward() at node p": the consumers' backward()s made the wrong gradient. */
    private static String source(Graph graph, Locator.Spot spot, List<Integer> culprits, Map<Op, String> classes) {
        if (spot.consumers().isEmpty()) {
            return ", the output's own gradient";
        }
        List<String> where = new ArrayList<>();
        for (int user : culprits) {
            where.add(Words.backwardAt(graph, user, classes));
        }
        return ", which flows out of " + Words.list(where);
    }

    private static String nodeDetail(Forecast f, PointForecast point, Graph graph, CaseAnswers answers,
            Locator.Spot spot) {
        Mistake m = f.mistake();
        if (m.kind() == Mistake.Kind.ASSIGN && spot != null) {
            int uses = Locator.uses(graph, answers.order())[spot.node()];
            if (uses >= 2) {
                return ": " + Words.node(graph, spot.node()) + " is used " + Words.times(uses)
                        + ", and with = only the last share survives instead of the sum of all " + uses;
            }
            return "";
        }
        if (m.kind() != Mistake.Kind.RULE) {
            return "";
        }
        // A wrong local derivative: show it at the node where it first matters.
        List<Integer> candidates = new ArrayList<>();
        if (spot != null) {
            candidates.addAll(spot.consumers());
        }
        for (int i = answers.order().length - 1; i >= 0; i--) {
            candidates.add(answers.order()[i]);
        }
        double[] v = answers.values();
        for (int node : candidates) {
            Op op = graph.op(node);
            if (!m.ops().contains(op)) {
                continue;
            }
            for (int k = 0; k < graph.operandCount(node); k++) {
                if (ruleDiffers(f, point, node, k)) {
                    int operand = graph.operand(node, k);
                    return ": at " + Words.definition(graph, node) + describeAt(graph, node, v) + ", d"
                            + Words.node(graph, node) + "/d" + Words.node(graph, operand) + " comes out "
                            + Words.number(f.partials()[2 * node + k]) + " instead of "
                            + Words.number(point.exact()[2 * node + k]);
                }
            }
        }
        return "";
    }

    /** " with b = 3" (and the second operand), or "" when the label already is the node's name. */
    private static String describeAt(Graph graph, int node, double[] v) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < graph.operandCount(node); k++) {
            int operand = graph.operand(node, k);
            if (graph.op(operand) != Op.CONSTANT) {
                String part = Words.node(graph, operand) + " = " + Words.number(v[operand]);
                if (!parts.contains(part)) {
                    parts.add(part);
                }
            }
        }
        return parts.isEmpty() ? "" : " with " + Words.list(parts);
    }

    private static String traversalDetail(Mistake.Kind kind, Graph graph, CaseAnswers answers, Locator.Spot spot) {
        String outcome = spot == null ? "" : "; " + Words.node(graph, spot.node()) + ".grad comes out "
                + Words.number(spot.got()) + " instead of " + Words.number(spot.want());
        int[] order = answers.order();
        switch (kind) {
            case RECURSION:
            case RECURSION_LAST_INPUT_FIRST: {
                double[] paths = Locator.paths(graph, order);
                for (int i = order.length - 1; i >= 0; i--) {
                    int node = order[i];
                    if (!graph.op(node).isLeaf() && paths[node] >= 2) {
                        String runs = paths[node] < 1e6 ? Words.times((int) paths[node]) : "once per path";
                        return ": calling backward() down every path from the output runs "
                                + Words.node(graph, node) + ".backward() " + runs + ", once per path to it, and"
                                + " each time it passes on all the gradient it holds so far (double counting)"
                                + outcome;
                    }
                }
                return outcome;
            }
            case RECURSION_WITH_VISITED_SET: {
                int[] uses = Locator.uses(graph, order);
                for (int i = order.length - 1; i >= 0; i--) {
                    int node = order[i];
                    if (!graph.op(node).isLeaf() && uses[node] >= 2) {
                        return ": " + Words.node(graph, node) + ".backward() runs as soon as the first of its "
                                + uses[node] + " uses reaches it, before the others have added their shares" + outcome;
                    }
                }
                return outcome;
            }
            case NOT_REVERSED:
                return ": each node passes its gradient on before the nodes that use it have given it any, so only"
                        + " the output's own inputs receive a gradient" + outcome;
            case RESET_AFTER_SEED:
                return ": every gradient comes out 0" + (spot == null ? "" : " (" + Words.node(graph, spot.node())
                        + ".grad should be " + Words.number(spot.want()) + ")");
            default:
                return outcome;
        }
    }
}
