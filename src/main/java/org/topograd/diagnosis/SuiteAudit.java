package org.topograd.diagnosis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.Check;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.Weights;
import org.topograd.naming.Forecast;
import org.topograd.naming.Locator;
import org.topograd.naming.Mistake;
import org.topograd.naming.Words;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;

/**
 * Runs every mutant against a suite of specs: a spec catches a mutant when some check that counts
 * would fail at some input point (the mutant's numbers differ from the reference beyond the
 * tolerance, as that check judges them). Also finds what the suite as a whole lacks (no node with
 * two parents: double counting goes unseen) and specs that cannot catch much (an exponent of 1, a
 * point on a kink, gradients too small for the numerical check).
 */
public final class SuiteAudit {
    private SuiteAudit() {}

    /**
     * What the suite does with one bug (all of its variants).
     *
     * @param bug the bug's name
     * @param mistake what the mistake is
     * @param caughtBy the ids of the specs that catch every variant, in suite order
     * @param checks the checks that fail on it somewhere
     * @param notPredicted the ids of the specs with input points where a variant could not be
     *     predicted (a recursion with too many paths)
     * @param gap why nothing catches it, when nothing does
     */
    public record Verdict(String bug, String mistake, List<String> caughtBy, Set<Check> checks,
            List<String> notPredicted, String gap) {
        public Verdict {
            caughtBy = List.copyOf(caughtBy);
            checks = checks.isEmpty() ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(checks);
            notPredicted = List.copyOf(notPredicted);
        }

        public boolean survives() {
            return caughtBy.isEmpty();
        }
    }

    /**
     * The audit of a suite.
     *
     * @param specIds the specs audited, in order
     * @param verdicts one per bug, in catalogue order
     * @param gaps what no spec in the suite has
     * @param degenerate specs (and points) that cannot tell much apart
     */
    public record Report(List<String> specIds, List<Verdict> verdicts, List<String> gaps, List<String> degenerate) {
        public Report {
            specIds = List.copyOf(specIds);
            verdicts = List.copyOf(verdicts);
            gaps = List.copyOf(gaps);
            degenerate = List.copyOf(degenerate);
        }

        public List<Verdict> survivors() {
            return verdicts.stream().filter(Verdict::survives).toList();
        }
    }

    public static Report audit(List<SpecAnswers> specs, Weights weights, NumericalGradient.Settings numerical) {
        return audit(specs, weights, numerical, new Forecasts());
    }

    public static Report audit(List<SpecAnswers> specs, Weights weights, NumericalGradient.Settings numerical,
            Forecasts forecasts) {
        List<Mutant> mutants = forecasts.mutants();
        Shapes shapes = Shapes.of(specs);
        List<String> ids = specs.stream().map(s -> s.spec().id()).toList();
        List<Verdict> verdicts = verdicts(ids, mutants.stream().map(Mutant::describe).toList(), new Sightings() {
            @Override
            public int points(int spec) {
                return specs.get(spec).cases().size();
            }

            @Override
            public Set<Check> failing(int spec, int point, int mutant) {
                Forecast f = forecasts.at(specs.get(spec), point).forecasts().get(mutant);
                return f.predicted() ? f.failing() : null;
            }
        }, weights, i -> shapes.whyUncaught(mutants.get(i)));
        return new Report(ids, verdicts, shapes.gaps(), degenerate(specs, numerical));
    }

    /**
     * What an audit reads of a suite, whatever its language: how many input points each spec has,
     * and which checks each mutant fails at each of them.
     */
    public interface Sightings {
        int points(int spec);

        /** The checks at which mutant {@code mutant} fails at a point; null where it could not be predicted. */
        Set<Check> failing(int spec, int point, int mutant);
    }

    /**
     * One verdict per bug (all of its variants, which share its name), in catalogue order: a spec
     * catches a bug when, for every variant, some check that counts fails at some point.
     *
     * @param specIds the specs, in suite order
     * @param mutants each mutant's words, in catalogue order
     * @param whyUncaught why no spec catches a bug, given the index of its first variant
     */
    public static List<Verdict> verdicts(List<String> specIds, List<Mistake> mutants, Sightings sightings,
            Weights weights, IntFunction<String> whyUncaught) {
        Map<String, Findings> byBug = new LinkedHashMap<>();
        for (int i = 0; i < mutants.size(); i++) {
            byBug.putIfAbsent(mutants.get(i).bug(), Findings.of(i, mutants.get(i)));
        }
        for (int s = 0; s < specIds.size(); s++) {
            String id = specIds.get(s);
            boolean[] variantCaught = new boolean[mutants.size()];
            for (int c = 0; c < sightings.points(s); c++) {
                for (int i = 0; i < mutants.size(); i++) {
                    Findings findings = byBug.get(mutants.get(i).bug());
                    Set<Check> failing = sightings.failing(s, c, i);
                    if (failing == null) {
                        findings.unpredicted().add(id);
                        continue;
                    }
                    for (Check check : failing) {
                        if (weights.counts(check)) {
                            variantCaught[i] = true;
                            findings.checks().add(check);
                        }
                    }
                }
            }
            for (int i = 0; i < mutants.size(); i++) {
                byBug.get(mutants.get(i).bug()).everyVariantCaught().merge(id, variantCaught[i], Boolean::logicalAnd);
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Findings f : byBug.values()) {
            List<String> by = specIds.stream().filter(id -> f.everyVariantCaught().getOrDefault(id, false)).toList();
            verdicts.add(new Verdict(f.first().bug(), f.first().mistake(), by, f.checks(),
                    new ArrayList<>(f.unpredicted()), by.isEmpty() ? whyUncaught.apply(f.index()) : null));
        }
        return verdicts;
    }

    /**
     * What the audit learns of one bug (all its variants) as it runs the specs.
     *
     * @param index the catalogue index of the bug's first variant
     * @param first the bug's first variant, which names it
     * @param everyVariantCaught per spec id: whether that spec catches every variant (at some point each)
     * @param checks the checks that count and fail on a variant somewhere
     * @param unpredicted the ids of the specs where a variant could not be predicted
     */
    private record Findings(int index, Mistake first, Map<String, Boolean> everyVariantCaught, Set<Check> checks,
            Set<String> unpredicted) {
        static Findings of(int index, Mistake first) {
            return new Findings(index, first, new LinkedHashMap<>(), EnumSet.noneOf(Check.class), new TreeSet<>());
        }
    }

    /** What the suite's graphs have, over the nodes reachable from each output. */
    private record Shapes(boolean sharedNode, boolean sharedInterior, boolean deep, Set<Op> ops, boolean anyGradient) {
        static Shapes of(List<SpecAnswers> specs) {
            boolean shared = false;
            boolean sharedInterior = false;
            boolean deep = false;
            boolean anyGradient = false;
            Set<Op> ops = EnumSet.noneOf(Op.class);
            for (SpecAnswers s : specs) {
                Graph graph = s.spec().graph();
                int[] order = s.cases().get(0).order();
                int[] uses = Locator.uses(graph, order);
                for (int node : order) {
                    Op op = graph.op(node);
                    shared |= uses[node] >= 2;
                    sharedInterior |= uses[node] >= 2 && !op.isLeaf();
                    if (!op.isLeaf()) {
                        ops.add(op);
                        for (int k = 0; k < graph.operandCount(node); k++) {
                            deep |= !graph.op(graph.operand(node, k)).isLeaf();
                        }
                    }
                }
                for (CaseAnswers c : s.cases()) {
                    for (int k = 0; k < graph.inputCount(); k++) {
                        anyGradient |= c.grads()[graph.inputNode(k)] != 0;
                    }
                }
            }
            return new Shapes(shared, sharedInterior, deep, ops, anyGradient);
        }

        List<String> gaps() {
            List<String> gaps = new ArrayList<>();
            if (!sharedNode) {
                gaps.add("no spec has a node with two parents (or an operand used twice): double counting and"
                        + " = instead of += go undetected");
            } else if (!sharedInterior) {
                gaps.add("no spec has an interior node (not an input) with two parents: backprop by recursion"
                        + " double-counts only through such a node, so it goes undetected");
            }
            if (!deep) {
                gaps.add("no spec has an operation whose operand is another operation: the order of the"
                        + " backward() calls never matters");
            }
            return gaps;
        }

        String whyUncaught(Mutant m) {
            if (m instanceof TraversalMutant t) {
                switch (t.traversal()) {
                    case RECURSION:
                    case RECURSION_LAST_INPUT_FIRST:
                    case RECURSION_WITH_VISITED_SET:
                        if (!sharedInterior) {
                            return "no spec has an interior node with two parents, the only place where it changes"
                                    + " a gradient";
                        }
                        break;
                    case NOT_REVERSED:
                        if (!deep) {
                            return "no spec has an operation whose operand is another operation";
                        }
                        break;
                    default:
                        if (!anyGradient) {
                            return "every gradient in every spec is 0";
                        }
                }
            } else {
                NodeMutant n = (NodeMutant) m;
                if (n.write() == NodeMutant.Write.ASSIGN && !sharedNode) {
                    return "no spec has a node with two parents (or an operand used twice), the only place where"
                            + " = and += differ";
                }
                if (n.ops().stream().noneMatch(ops::contains)) {
                    return "no spec uses " + String.join(" or ", n.ops().stream().map(Op::specName).sorted().toList())
                            + ", so its backward() is never checked";
                }
            }
            return "the specs never tell it from the right answer at their input points: add a graph or a point"
                    + " where it changes a gradient";
        }
    }

    /** Specs and points that cannot tell much apart. */
    static List<String> degenerate(List<SpecAnswers> specs, NumericalGradient.Settings numerical) {
        List<String> found = new ArrayList<>();
        for (SpecAnswers s : specs) {
            Spec spec = s.spec();
            Graph graph = spec.graph();
            int[] order = s.cases().get(0).order();
            for (int node : order) {
                double n = graph.param(node);
                if (graph.op(node) == Op.POW && (n == 0 || n == 1)) {
                    found.add(spec.id() + ": " + Words.definition(graph, node) + " has exponent " + NumberText.format(n)
                            + ", where the power rule's mistakes give the right numbers: use an exponent such as 3");
                }
            }
            boolean anyGradient = false;
            for (int c = 0; c < s.cases().size(); c++) {
                Case point = spec.cases().get(c);
                CaseAnswers answers = s.cases().get(c);
                String where = spec.id() + " " + point.name() + ": ";
                if (point.inputs().length > 0 && java.util.Arrays.stream(point.inputs()).allMatch(x -> x == 0)) {
                    found.add(where + "every input is 0, where many wrong derivatives agree with the right one");
                }
                for (int node : order) {
                    if (graph.op(node) == Op.RELU && answers.values()[graph.first(node)] == 0) {
                        found.add(where + "relu's input " + Words.node(graph, graph.first(node)) + " is 0, on its"
                                + " kink, where it has no derivative");
                    }
                }
                NumericalGradient.Estimate estimate = Forecasts.referenceEstimate(graph, order, answers.plan());
                double[] grads = Forecasts.inputGrads(graph, answers.grads());
                boolean canFail = false;
                double largest = 0;
                for (NumericalGradient.Check check : estimate.compare(grads)) {
                    if (check.status() == NumericalGradient.Check.Status.KINK) {
                        found.add(where + "the numerical check skips "
                                + (check.input() < 0 ? "its random direction"
                                        : "input " + graph.inputNames().get(check.input()))
                                + ", which sits on a kink");
                    }
                    if (!check.skipped()) {
                        largest = Math.max(largest, Math.abs(check.numeric()));
                        canFail |= !numerical.accepts(0, check.numeric(), 0);
                    }
                }
                if (!canFail) {
                    found.add(where + "the numerical check cannot fail: every input's gradient (the largest is "
                            + Words.number(largest) + ") is within its tolerance of 0 (atol "
                            + NumberText.format(numerical.atol()) + "), so even a backward() that gives 0 passes");
                }
                for (double g : grads) {
                    anyGradient |= Math.abs(g) > spec.tolerance().abs();
                }
            }
            if (!anyGradient) {
                found.add(spec.id() + ": the reference gradient is 0 at every point, so every mistake that keeps it 0"
                        + " passes");
            }
        }
        return found;
    }
}
