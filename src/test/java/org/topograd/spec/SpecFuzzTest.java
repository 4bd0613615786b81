package org.topograd.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.engine.Solution;
import org.topograd.engine.Solver;

/**
 * Random mutations of the bundled specs, seeded: whatever the reader is given, it ends in a valid
 * spec or in problems, each at {@code file:line:column} with what to do; never an exception (the
 * reader's last-resort message, "a bug in topograd", counts as one). Valid mutants are solved too,
 * which must not throw either. A longer hunt: {@code mvn -q test -Dtest=SpecFuzzTest -Dfuzz.mutants=5000
 * -Dfuzz.seed=7}.
 */
class SpecFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 400);

    /** Words that say what to do; every message must hold one. */
    private static final Pattern ADVICE = Pattern.compile("\\b(add|remove|use|write|give|choose|move|keep|save|define"
            + "|split|correct|fix|name|quote|check|let|make|put|complete|break|flatten|map|list|Check|Save)\\b");

    /** Tokens a hurried or hostile edit puts into YAML and into expressions. */
    private static final String[] TOKENS = {":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "'", "\"",
        "#", "\t", "\n", "  ", "|", ">", "? ", "---\n", "...\n", "%YAML 1.1\n", "<<: *a", "\u0000", "\u00e9", "\uFEFF",
        "\u0085", "\r", "1e400", "-0", "nan", ".inf", "1e999999999", "0.000", "99999999999999999999", "relu(", "^",
        "^ -2", " ^ x", "((((", "))))", "2x", "sin", "sinh(", "graph:", "inputs:", "expect:", "cases:", "random:",
        "output: q", "generate: {shape: chain, op: tanh, length: 30}", "points: -1", "visibility: secret", "a / 0",
        "log(-1)", "sqrt(0)", "y: y", "\n  z: a +", "\n  - inputs: {}", "[" + "[".repeat(60), "&b [*b]"};

    @TempDir
    Path dir;

    @Test
    void everyMutantOfTheBundledSpecsReadsToASpecOrToPlacedProblemsWithAdvice() throws IOException {
        List<byte[]> bases = new ArrayList<>();
        for (Path file : SpecLoader.list(Path.of("specs"))) {
            bases.add(Files.readAllBytes(file));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] bytes = bases.get(random.nextInt(bases.size()));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                bytes = mutate(bytes, random);
            }
            Path file = dir.resolve("m" + i + ".yaml");
            Files.write(file, bytes);
            SpecResult result;
            try {
                result = SpecLoader.load(file);
                if (result instanceof SpecResult.Valid v) {
                    valid++;
                    Solution solution = Solver.solve(v.spec());
                    solution.problems().forEach(p -> check(p, failures, file));
                } else {
                    for (Problem p : ((SpecResult.Invalid) result).problems()) {
                        check(p, failures, file);
                    }
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(file + ": threw " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, the first:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertTrue(valid > MUTANTS / 20 && valid < MUTANTS * 19 / 20, "the mutants are neither all broken nor all"
                + " harmless: " + valid + " valid of " + MUTANTS);
    }

    /** The same for {@code assignment.yaml}, whose reader shares the spec reader's machinery. */
    @Test
    void everyMutantOfAnAssignmentFileReadsToSettingsOrToPlacedProblemsWithAdvice() throws IOException {
        byte[] base = """
                weights: {forward: 2, gradient: 3, traversal: 2, end_to_end: 2, numerical: 1}
                limits: {case_cpu_seconds: 2, submission_seconds: 120}
                numerical: {atol: 1e-5, rtol: 1e-4, richardson: false}
                gradescope: {hidden_visibility: after_published}
                """.getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS / 2; i++) {
            byte[] bytes = base;
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                bytes = mutate(bytes, random);
            }
            Path folder = Files.createDirectories(dir.resolve("a" + i));
            Path file = folder.resolve(SpecLoader.ASSIGNMENT_FILE);
            Files.write(file, bytes);
            try {
                if (org.topograd.grading.AssignmentReader.load(folder)
                        instanceof org.topograd.grading.AssignmentReader.Result.Invalid invalid) {
                    invalid.problems().forEach(p -> check(p, failures, file));
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(file + ": threw " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, the first:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private static void check(Problem p, List<String> failures, Path file) {
        String text = p.toString();
        if (p.at().line() < 1 || p.at().column() < 1 || !text.startsWith(file + ":" + p.at().line() + ":"
                + p.at().column() + ": ")) {
            failures.add("no line and column: " + text);
        }
        if (text.contains("bug in topograd")) {
            failures.add("the reader failed: " + text);
        }
        if (!ADVICE.matcher(p.message()).find()) {
            failures.add("no advice: " + text);
        }
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        switch (random.nextInt(11)) {
            case 0: { // delete a span
                int end = Math.min(text.length(), at + 1 + random.nextInt(20));
                return (text.substring(0, at) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
            }
            case 1:
            case 2: // insert a token
                return (text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at))
                        .getBytes(StandardCharsets.UTF_8);
            case 3: { // duplicate a line
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int k = random.nextInt(lines.size());
                lines.add(k, lines.get(k));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 4: { // swap two lines
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 5: { // one byte replaced by any byte (invalid UTF-8 and control characters included)
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 6: // truncate
                return text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            case 7: { // indent or dedent a line
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int k = random.nextInt(lines.size());
                String line = lines.get(k);
                lines.set(k, random.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", ""));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 8: { // repeat a line many times
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int k = random.nextInt(lines.size());
                int copies = random.nextInt(8) == 0 ? 1 + random.nextInt(300) : 1 + random.nextInt(3);
                lines.addAll(k, java.util.Collections.nCopies(copies, lines.get(k)));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 9: // a digit into a number
                return (text.substring(0, at) + random.nextInt(10) + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            default: { // a very long line, or a long run of one character
                String run = String.valueOf("x+([{ -1".charAt(random.nextInt(8)))
                        .repeat(random.nextInt(4) == 0 ? SourceText.MAX_LINE + 10 : 1 + random.nextInt(3000));
                return (text.substring(0, at) + run + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
