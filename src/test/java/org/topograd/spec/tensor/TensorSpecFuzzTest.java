package org.topograd.spec.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topograd.spec.Problem;

/**
 * Random mutations of tensor specs, seeded: whatever the reader is given, it ends in a valid spec or
 * in problems, each at {@code file:line:column} with what to do; never an exception (the reader's
 * last-resort message, "a bug in topograd", counts as one). A longer hunt:
 * {@code mvn -q surefire:test -Dtest=TensorSpecFuzzTest -Dfuzz.mutants=20000 -Dfuzz.seed=7}.
 */
class TensorSpecFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 1500);

    /** Words that say what to do; every message must hold one. */
    private static final Pattern ADVICE = Pattern.compile("\\b(add|remove|use|write|give|choose|move|keep|save|define"
            + "|split|correct|fix|name|quote|check|make|put|complete|break|flatten|map|reduce|transpose|multiply"
            + "|declare|Check|Save)\\b");

    private static final String MLP = """
            title: Two-layer MLP
            points: 2
            visibility: hidden
            inputs:
              X: {shape: [4, 3], random: {seed: 1, low: -1, high: 1}}
              W1: {shape: [3, 5], random: {seed: 2}}
              b1: [0.1, 0.2, 0.3, 0.4, 0.5]
              W2: [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]
              b2: 0.5
            constants:
              y: [0, 1, 1, 0]
              scale: 2
              ones: [1, 1, 1, 1]
            graph:
              h: relu(X @ W1 + b1)
              z: tanh(h) @ W2 / scale + b2
              p: log_softmax(z) - mean(softmax(z), 0) * sum(z, 0) ^ 2 + transpose(transpose(z))
              loss: cross_entropy(z, y) + mean(sigmoid(p)) + sum(exp(-sqrt(h ^ 2 + 1)), 1) @ ones
            output: loss
            expect:
              value: 1.25
              grad: {X: [[1, 2, 3], [4, 5, 6], [7, 8, 9], [1, 2, 3]], b2: -0.5}
            cases:
              - inputs: {b2: 1, b1: [1, 1, 1, 1, 1]}
                expect: {value: 2}
            random: {count: 3, seed: 11, low: -2, high: 2}
            tolerance: {abs: 1e-8, rel: 1e-5}
            """;

    /** Tokens a hurried or hostile edit puts into YAML, into values and into expressions. */
    private static final String[] TOKENS = {":", ": ", "-", "- ", "[", "]", "[[", "]]", "{", "}", ",", ", ", "&a ",
        "*a", "'", "\"", "#", "\t", "\n", "  ", "|", "? ", "---\n", "\u0000", "\u00e9", "1e400", "-0", "nan", ".inf",
        "99999999999999999999", "@", " @ ", "@ W", "^", "^ 2", "sum(", "sum(x, ", ", 0)", ", -1)", ", 7)", "mean(",
        "softmax(", "cross_entropy(", "transpose(", "{shape: [", "{shape: [2, 3], random: {seed: 1}}", "shape:",
        "random:", "[1, 2, 3]", "[[1, 2], [3]]", "[[[1]]]", "[]", "[[]]", "constants:", "inputs:", "graph:",
        "expect:", "grad:", "cases:", "output: h", "random: {count: 10000}", "{shape: [4096, 4096], random: {}}",
        "[" + "[".repeat(60), "&b [*b]", "y", "X", "W1"};

    @Test
    void everyMutantReadsToASpecOrToPlacedProblemsWithAdvice() {
        List<String> bases = List.of(TensorSpecs.AFFINE, MLP);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] bytes = bases.get(random.nextInt(bases.size())).getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                bytes = mutate(bytes, random);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                TensorSpecLoader.isTensorSpec(text);
                TensorSpecResult result = TensorSpecLoader.parse(TensorSpecs.FILE, text);
                if (result instanceof TensorSpecResult.Valid) {
                    valid++;
                } else {
                    for (Problem p : ((TensorSpecResult.Invalid) result).problems()) {
                        check(p, failures, i);
                    }
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add("mutant " + i + ": threw " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, the first:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertTrue(valid > MUTANTS / 20 && valid < MUTANTS * 19 / 20, "the mutants are neither all broken nor all"
                + " harmless: " + valid + " valid of " + MUTANTS);
    }

    @Test
    void bothBasesAreValid() {
        TensorSpecs.valid(TensorSpecs.AFFINE);
        TensorSpecs.valid(MLP);
    }

    private static void check(Problem p, List<String> failures, int mutant) {
        String text = p.toString();
        String at = TensorSpecs.FILE + ":" + p.at().line() + ":" + p.at().column() + ": ";
        if (p.at().line() < 1 || p.at().column() < 1 || !text.startsWith(at)) {
            failures.add("mutant " + mutant + ", no line and column: " + text);
        }
        if (text.contains("bug in topograd")) {
            failures.add("mutant " + mutant + ", the reader failed: " + text);
        }
        if (!ADVICE.matcher(p.message()).find()) {
            failures.add("mutant " + mutant + ", no advice: " + text);
        }
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int k = random.nextInt(lines.size());
        String result = switch (random.nextInt(9)) {
            case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
            case 1, 2 -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
            case 3 -> {
                lines.add(k, lines.get(k));
                yield String.join("\n", lines);
            }
            case 4 -> {
                java.util.Collections.swap(lines, k, random.nextInt(lines.size()));
                yield String.join("\n", lines);
            }
            case 5 -> {
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield new String(copy, StandardCharsets.UTF_8);
            }
            case 6 -> text.substring(0, at);
            case 7 -> {
                lines.set(k, random.nextBoolean() ? "  " + lines.get(k) : lines.get(k).replaceFirst("^ {1,2}", ""));
                yield String.join("\n", lines);
            }
            default -> text.substring(0, at) + random.nextInt(10) + text.substring(at);
        };
        return result.getBytes(StandardCharsets.UTF_8);
    }
}
