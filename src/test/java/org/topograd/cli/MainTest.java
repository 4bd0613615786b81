package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.spec.SpecLoader;
import picocli.CommandLine;

class MainTest {
    private static final Path MIXED = Path.of("src", "test", "resources", "specs", "mixed");

    /** One run of the command line: exit status, standard output, standard error. */
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    private static String path(Path p) {
        return p.toString();
    }

    // ---- validate ------------------------------------------------------------------------------

    @Test
    void bundledSpecsAreAllValid() throws IOException {
        int count = SpecLoader.list(Path.of("specs")).size();
        assertTrue(count >= 10, "the bundled specs are missing");
        Run run = run("validate");
        assertEquals("validate: " + count + " specs, " + count + " valid, 0 invalid (0 problems)\n", run.out());
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void oneBadSpecDoesNotStopTheOthers() {
        Run run = run("validate", path(MIXED));
        String broken = path(MIXED.resolve("b-broken.yaml"));
        String wrong = path(MIXED.resolve("c-wrong.yaml"));
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith(broken + ":4:10: unknown function 'sinh'"), lines.get(0));
        assertTrue(lines.get(1).startsWith(broken + ":5:10: undefined name 'q'"), lines.get(1));
        assertTrue(lines.get(2).startsWith(wrong + ":5:30: expect grad x is 3, but the reference engine computes 6"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith(path(MIXED.resolve("d-good.yml")) + ":2:1: warning: at main (x = 0) the input"
                + " of relu(x) is exactly 0, relu's kink"), lines.get(3));
        assertEquals("validate: 4 specs, 2 valid, 2 invalid (3 problems), 1 warning", lines.get(4));
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertEquals("", run.err());
    }

    @Test
    void outputIsSortedByFileWhateverTheArgumentOrder() {
        Run forward = run("validate", path(MIXED.resolve("a-good.yaml")), path(MIXED.resolve("c-wrong.yaml")),
                path(MIXED.resolve("b-broken.yaml")));
        Run again = run("validate", path(MIXED.resolve("c-wrong.yaml")), path(MIXED.resolve("b-broken.yaml")),
                path(MIXED.resolve("a-good.yaml")), path(MIXED.resolve("a-good.yaml")));
        assertEquals(forward, again);
        assertTrue(forward.out().endsWith("validate: 3 specs, 1 valid, 2 invalid (3 problems)\n"), forward.out());
    }

    @Test
    void validSpecsExitZeroWhateverTheWarnings() {
        Run run = run("validate", path(MIXED.resolve("a-good.yaml")), path(MIXED.resolve("d-good.yml")));
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().endsWith("move the point off the kink\n"
                + "validate: 2 specs, 2 valid, 0 invalid (0 problems), 1 warning\n"), run.out());
    }

    /** grade refuses to grade with an assignment.yaml that does not read; validate says so first. */
    @Test
    void anInvalidAssignmentFileIsFoundByValidate(@TempDir Path dir) throws IOException {
        Files.copy(MIXED.resolve("a-good.yaml"), dir.resolve("a-good.yaml"));
        Files.writeString(dir.resolve("assignment.yaml"), "weights: {forwards: 1}\n");
        for (String arg : List.of(dir.toString(), dir.resolve("a-good.yaml").toString())) {
            Run run = run("validate", arg);
            assertEquals(ExitCodes.FINDINGS, run.status(), run.out());
            assertEquals(List.of(dir.resolve("assignment.yaml") + ":1:11: unknown key 'forwards' in weights (did you mean"
                    + " 'forward'?); correct it or remove it: the keys are forward, gradient, traversal, end_to_end,"
                    + " numerical", "validate: 1 spec, 1 valid, 0 invalid (0 problems)",
                    "validate: assignment.yaml is invalid (1 problem): grade grades nothing until it is fixed"),
                    run.out().lines().toList());
        }
    }

    /** The numerical check's settings in assignment.yaml are the ones a spec is proven with, as in grading. */
    @Test
    void specsAreProvenWithTheirFoldersNumericalSettings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("far.yaml"), "title: t\ninputs: {x: 1e22}\ngraph:\n  y: cos(x)\n");
        Run strict = run("validate", dir.toString());
        assertEquals(ExitCodes.FINDINGS, strict.status(), strict.out());
        assertTrue(strict.out().contains("far.yaml:2:1: the gradient of x at main (x = 1e22) is"), strict.out());
        Files.writeString(dir.resolve("assignment.yaml"), "numerical: {atol: 10}\n");
        Run loose = run("validate", dir.toString());
        assertEquals(ExitCodes.OK, loose.status(), loose.out());
    }

    @Test
    void inputsAndEntriesTheOutputDoesNotReachAreWarnedOf(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("unused.yaml");
        Files.writeString(file, "title: t\ninputs: {a: 1.5, c: 2}\ngraph:\n  k: 2.5\n  y: a * a\n");
        Run run = run("validate", file.toString());
        assertEquals(ExitCodes.OK, run.status(), run.out());
        assertEquals(List.of(file + ":2:18: warning: input 'c' does not reach the output y, so its gradient is 0 at every"
                + " point, and students are graded on that 0 like any other gradient; remove it from inputs if it is"
                + " left over", file + ":4:3: warning: graph entry 'k' does not reach the output y: it is never"
                + " computed in grading, and its gradient is 0; use it in the output, or remove it if it is left over",
                "validate: 1 spec, 1 valid, 0 invalid (0 problems), 2 warnings"), run.out().lines().toList());
    }

    /**
     * At a = b = 1e-160 the reference's d(a / b)/db is -1e160, exactly; the textbook -a / (b * b)
     * gives -1.0000111e160, outside the tolerance, so a correct student who writes it would lose
     * points: validate warns, and the spec stays valid.
     */
    @Test
    void aPointWhereTheTextbookFormsLosePrecisionIsWarnedOf(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, "title: t\ninputs: {a: 1e-160, b: 1e-160}\ngraph:\n  y: a / b\n"
                + "expect: {value: 1, grad: {a: 1e160, b: -1e160}}\n");
        Run run = run("validate", file.toString());
        assertEquals(ExitCodes.OK, run.status(), run.out());
        assertEquals(List.of(file + ":2:1: warning: at main (a = 1e-160, b = 1e-160) the textbook derivative forms"
                + " (-a / (b * b), 1 - t * t, s * (1 - s), n * x^(n - 1)) lose precision: they give the gradient of b as"
                + " -1.000011132941258e160 where it is -1e160, outside the tolerance, so a correct student who uses"
                + " them loses points here; move the point to less extreme numbers or loosen the spec's tolerance",
                "validate: 1 spec, 1 valid, 0 invalid (0 problems), 1 warning"), run.out().lines().toList());
    }

    @Test
    void missingPathIsAUsageError() {
        Run run = run("validate", path(MIXED.resolve("a-good.yaml")), "no/such/dir");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().startsWith("validate: no such file or folder: " + path(Path.of("no/such/dir"))), run.err());
        assertEquals("", run.out(), "nothing is validated when the command line is wrong");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("validate", "--strict");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("Unknown option: '--strict'"), run.err());
    }

    @Test
    void folderWithoutSpecs(@TempDir Path dir) {
        Run run = run("validate", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.err().contains("no spec files"), run.err());
    }

    // ---- solve ---------------------------------------------------------------------------------

    @Test
    void solvePrintsAlignedTablesPerCase() {
        Run run = run("solve", path(Path.of("specs", "power-node.yaml")));
        assertEquals(0, run.status(), run.out());
        String out = run.out();
        assertTrue(out.startsWith("PowerNode (a + b^3) * c  (" + path(Path.of("specs", "power-node.yaml"))
                + ", 10 points, visible)\n"), out);
        assertTrue(out.contains("""
                main (a = 7, b = 3, c = 2)
                  node        value  gradient
                  a               7         2
                  b               3        54
                  c               2        34
                  p              27         2
                  s              34         2
                  y (output)     68         1
                """), out);
        assertTrue(Pattern.compile("\n  input  gradient  numerical +abs error\n  a +2  1\\.99999\\d* +\\d\\.\\de-\\d+\n")
                .matcher(out).find(), out);
        assertTrue(out.contains("\ncase-1 (a = -1.5, b = 0.5, c = 4)\n"), out);
        assertTrue(out.contains("\nrandom-5 ("), out);
        assertEquals(out, run("solve", path(Path.of("specs", "power-node.yaml"))).out(), "byte-identical on every run");
    }

    @Test
    void solveShowsKinksAsSkipped() {
        Run run = run("solve", path(MIXED.resolve("d-good.yml")));
        assertEquals(0, run.status(), run.out());
        assertTrue(Pattern.compile("\n  x +1  kink: skipped +-\n").matcher(run.out()).find(), run.out());
    }

    @Test
    void solveReportsWrongExpectationsWithoutWrite() {
        Run run = run("solve", path(MIXED.resolve("c-wrong.yaml")));
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.out().contains(path(MIXED.resolve("c-wrong.yaml")) + ":5:30: expect grad x is 3"), run.out());
    }

    @Test
    void solveMarksNodesTheOutputDoesNotReach(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("unused.yaml");
        Files.writeString(file, "title: t\ninputs: {a: 1.5, c: 2}\ngraph:\n  k: 2.5\n  u: c * 3\n  y: a * a\n");
        Run run = run("solve", file.toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("""
                  node                           value  gradient
                  a                                1.5         3
                  c (does not reach the output)      2         0
                  k (does not reach the output)    2.5         0
                  u (does not reach the output)      6         0
                  y (output)                      2.25         1
                """), run.out());
    }

    @Test
    void solveJsonHasEveryNodesValueAndGradientAtEveryPoint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("unused.yaml");
        Files.writeString(file, "title: t\ninputs: {a: 1.5, c: 2}\ngraph:\n  k: 2.5\n  y: a * a + 1\n"
                + "cases:\n  - inputs: {a: -1}\n");
        Run run = run("solve", file.toString(), "--json");
        assertEquals(0, run.status(), run.out());
        com.google.gson.JsonObject root = com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(true, root.get("valid").getAsBoolean());
        assertEquals("y", root.get("output").getAsString());
        com.google.gson.JsonArray cases = root.getAsJsonArray("cases");
        assertEquals(2, cases.size());
        com.google.gson.JsonObject main = cases.get(0).getAsJsonObject();
        assertEquals(3.25, main.get("value").getAsDouble());
        assertEquals(3.0, main.getAsJsonObject("grad").get("a").getAsDouble());
        com.google.gson.JsonArray nodes = main.getAsJsonArray("nodes");
        // a, c, k, a * a, the constant 1, y = a * a + 1
        assertEquals(6, nodes.size(), nodes.toString());
        for (com.google.gson.JsonElement e : nodes) {
            com.google.gson.JsonObject node = e.getAsJsonObject();
            assertTrue(node.has("value") && node.has("gradient") && node.has("reached"), node.toString());
        }
        com.google.gson.JsonObject k = nodes.get(2).getAsJsonObject();
        assertEquals("k", k.get("name").getAsString());
        assertEquals(2.5, k.get("value").getAsDouble());
        assertEquals(0.0, k.get("gradient").getAsDouble());
        assertEquals(false, k.get("reached").getAsBoolean());
        com.google.gson.JsonObject square = nodes.get(3).getAsJsonObject();
        assertEquals("a * a", square.get("name").getAsString());
        assertEquals(List.of(0, 0), List.of(square.getAsJsonArray("operands").get(0).getAsInt(),
                square.getAsJsonArray("operands").get(1).getAsInt()));
        assertEquals(1.0, cases.get(1).getAsJsonObject().getAsJsonArray("nodes").get(3).getAsJsonObject()
                .get("value").getAsDouble());
        assertEquals(2, root.getAsJsonArray("warnings").size(), "c and k do not reach the output");
        assertEquals(run.out(), run("solve", file.toString(), "--json").out(), "byte-identical on every run");
    }

    @Test
    void solveJsonOfAnInvalidSpecAndWithWrite() {
        Run run = run("solve", path(MIXED.resolve("b-broken.yaml")), "--json");
        assertEquals(ExitCodes.FINDINGS, run.status());
        com.google.gson.JsonObject root = com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(false, root.get("valid").getAsBoolean());
        assertEquals(2, root.getAsJsonArray("problems").size(), run.out());
        Run both = run("solve", path(MIXED.resolve("a-good.yaml")), "--json", "--write");
        assertEquals(ExitCodes.USAGE, both.status());
        assertTrue(both.err().contains("--json and --write do not go together"), both.err());
    }

    @Test
    void solveOfAnInvalidSpec() {
        Run run = run("solve", path(MIXED.resolve("b-broken.yaml")));
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.out().contains("unknown function 'sinh'"), run.out());
        assertTrue(run.out().contains("is not a valid spec"), run.out());
    }

    @Test
    void solveWriteFillsInExpectThenValidatePasses(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("c-wrong.yaml");
        Files.copy(MIXED.resolve("c-wrong.yaml"), copy);
        Run run = run("solve", copy.toString(), "--write");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().endsWith("solve: wrote expect to " + copy + " (1 wrong number corrected)\n"), run.out());
        assertEquals("""
                title: Wrong expectation
                inputs: {x: 3}
                graph:
                  y: x * x
                expect: {value: 9, grad: {x: 6}}
                """, Files.readString(copy));
        assertEquals(0, run("validate", copy.toString()).status());
        Run again = run("solve", copy.toString(), "--write");
        assertTrue(again.out().endsWith("already expects these numbers; unchanged\n"), again.out());
    }

    @Test
    void solveWriteRefusesAnIllPosedSpec(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("log.yaml");
        String text = "title: t\ninputs: {x: 1}\ngraph:\n  y: log(x)\ncases:\n  - inputs: {x: -1}\n";
        Files.writeString(spec, text);
        Run run = run("solve", spec.toString(), "--write");
        assertEquals(ExitCodes.FINDINGS, run.status());
        assertTrue(run.out().contains("the value of node 'y' is nan at case-1 (x = -1)"), run.out());
        assertTrue(run.out().contains("not written"), run.out());
        assertEquals(text, Files.readString(spec));
    }

    @Test
    void solveWithRichardson() {
        Run run = run("solve", path(Path.of("specs", "square.yaml")), "--richardson");
        assertEquals(0, run.status(), run.out());
    }

    @Test
    void solveOfAMissingFile() {
        Run run = run("solve", "no-such.yaml");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().startsWith("solve: no such spec file: no-such.yaml"), run.err());
    }

    // ---- bench, version, help -------------------------------------------------------------------

    @Test
    void benchPrintsOneLinePerSizeThenTheNumericalCheck() {
        Run run = run("bench", "--sizes", "100,2000", "--seconds", "0.05");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        Pattern line = Pattern.compile("^random-dag nodes=\\d+ ns_per_node=\\d+\\.\\d$");
        assertTrue(line.matcher(lines.get(0)).matches(), lines.get(0));
        assertTrue(line.matcher(lines.get(1)).matches(), lines.get(1));
        assertTrue(lines.get(0).startsWith("random-dag nodes=100 "));
        assertTrue(lines.get(1).startsWith("random-dag nodes=2000 "));
        assertTrue(lines.get(2).startsWith("numerical-check mode=full "), lines.get(2));
        assertTrue(lines.get(3).startsWith("numerical-check mode=fast "), lines.get(3));
        // The check's latency runs topograd's jar (BenchIT); the tests run from class folders.
        assertTrue(lines.get(4).startsWith("check-latency: not measured: it runs topograd's jar"), lines.get(4));
    }

    @Test
    void benchTensorPrintsTheMatmulTheMlpAndTheFastCheckAsAMultiple() {
        Run run = run("bench", "--tensor", "--seconds", "0.05");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).matches("^tensor-matmul shape=\\[64, 256\\]@\\[256, 10\\] cpu_us=\\d+\\.\\d$"),
                lines.get(0));
        assertTrue(lines.get(1).matches("^tensor-mlp batch=64 features=64 hidden=256 classes=10 cpu_us_forward=\\d+\\.\\d"
                + " cpu_us_forward_backward=\\d+\\.\\d$"), lines.get(1));
        // The engine's gradient agrees with central differences along the random direction through all 23,306 elements.
        assertTrue(lines.get(2).matches("^tensor-numerical-check mode=fast elements=23306 status=\\[pass\\]"
                + " cpu_us_per_check=\\d+\\.\\d forward_backward_multiple=\\d+\\.\\d\\d$"), lines.get(2));
    }

    @Test
    void benchRejectsBadOptions(@TempDir Path mixed) throws IOException {
        // --grading takes a tensor assignment too, never both kinds at once
        Files.copy(Path.of("tensors/specs/broadcasting.yaml"), mixed.resolve("broadcasting.yaml"));
        Files.copy(Path.of("specs/square.yaml"), mixed.resolve("square.yaml"));
        Run both = run("bench", "--grading", "1", "--specs", mixed.toString());
        assertEquals(ExitCodes.FINDINGS, both.status(), both.err());
        assertTrue(both.err().startsWith("bench: " + mixed + " holds scalar specs (square.yaml) and tensor specs"
                + " (broadcasting.yaml)"), both.err());
        assertEquals(ExitCodes.USAGE, run("bench", "--seconds", "0").status());
        assertEquals(ExitCodes.USAGE, run("bench", "--sizes", "10,-1").status());
        assertEquals(ExitCodes.USAGE, run("bench", "--sizes", "ten").status());
    }

    @Test
    void version() {
        Run run = run("--version");
        assertEquals(0, run.status());
        assertTrue(run.out().matches("topograd \\S+\n"), run.out());
    }

    @Test
    void everyCommandHasHelpWithTheExitCodes() {
        List<List<String>> commands = commands(Main.commandLine(), List.of());
        assertTrue(commands.size() >= 12, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run run = run(args.toArray(String[]::new));
            String name = String.join(" ", command);
            assertEquals(0, run.status(), name + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: topograd " + name), name + ": " + run.out());
            assertTrue(run.out().contains("Exit status: 0 all good; 1 something checked is wrong"),
                    name + ": " + run.out());
        }
        Run top = run("--help");
        for (List<String> command : commands) {
            assertTrue(top.out().contains(command.get(0)), command + ": " + top.out());
        }
    }

    /**
     * Every command picocli knows under {@code line} (subcommands of subcommands too), as the words
     * that run it, by its name (not its aliases); picocli's own {@code help} is not ours to document.
     */
    private static List<List<String>> commands(CommandLine line, List<String> prefix) {
        List<List<String>> found = new ArrayList<>();
        for (CommandLine sub : new LinkedHashSet<>(line.getSubcommands().values())) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            List<String> words = new ArrayList<>(prefix);
            words.add(sub.getCommandName());
            found.add(words);
            found.addAll(commands(sub, words));
        }
        return found;
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().startsWith("Usage: topograd"), run.err());
    }
}
