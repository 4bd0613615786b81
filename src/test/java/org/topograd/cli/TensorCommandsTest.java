package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and solve on tensor specs: output and exit statuses, and the round trip solve --write, validate. */
class TensorCommandsTest {
    /** The example without expect: its W is drawn from a seed, and solve --write fills the rest. */
    static final String AFFINE = """
            title: Affine layer with softmax cross-entropy
            inputs:
              X: [[-1.17, 1.48, 1.27], [1.1, 0.48, -0.58]]
              W: {shape: [3, 5], random: {seed: 4, low: -1, high: 1}}
              b: [-0.97, 0.92, -0.44, 0.19, 0.93]
            constants:
              y: [0, 4]
            graph:
              z: X @ W + b
              loss: cross_entropy(z, y)
            output: loss
            """;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path plant(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void solveWriteThenValidateProvesTheSpecAndASecondWriteChangesNothing() throws IOException {
        Path file = plant("affine.yaml", AFFINE);
        Run write = run("solve", "--write", file.toString());
        assertEquals(0, write.status(), write.out());
        assertTrue(write.out().endsWith("solve: wrote expect to " + file + "\n"), write.out());
        String written = Files.readString(file);
        assertTrue(written.startsWith(AFFINE + "expect:\n  value: 2.33733013827184"), written);
        assertTrue(written.contains("  grad: {X: [[0.147262050352421"), written);

        Run validate = run("validate", file.toString());
        assertEquals(new Run(0, "validate: 1 spec, 1 valid, 0 invalid (0 problems)\n", ""), validate);
        Run again = run("solve", "--write", file.toString());
        assertTrue(again.out().endsWith("solve: " + file + " already expects these numbers; unchanged\n"));
        assertEquals(written, Files.readString(file));
    }

    @Test
    void aWrongElementIsNamedAtItsTensorWithBothNumbers() throws IOException {
        Path file = plant("affine.yaml", AFFINE);
        run("solve", "--write", file.toString());
        String right = Files.readString(file);
        // W[1, 2] is the eighth number of W's gradient; the writer puts it in its shortest exact text.
        int w = right.indexOf("W: [[");
        String row1 = right.substring(right.indexOf("], [", w) + 4);
        String[] numbers = row1.substring(0, row1.indexOf(']')).split(", ");
        String wrong = right.replace(", " + numbers[2] + ",", ", 0.52,");
        Files.writeString(file, wrong);
        List<String> lines = right.lines().toList();
        int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("  grad:")).findFirst().orElseThrow()) + 1;
        int column = lines.get(line - 1).indexOf("W: [[") + 4;

        Run validate = run("validate", file.toString());
        assertEquals(1, validate.status(), validate.out());
        assertEquals(List.of(file + ":" + line + ":" + column + ": expect grad W: W.grad[1, 2] is written 0.52, the"
                + " reference gives " + numbers[2] + " (numerically ",
                "validate: 1 spec, 0 valid, 1 invalid (1 problem)"),
                List.of(validate.out().lines().toList().get(0).replaceAll("numerically .*", "numerically "),
                        validate.out().lines().toList().get(1)));
        assertTrue(validate.out().lines().toList().get(0).endsWith("); correct the number, or let topograd solve"
                + " --write fill it in"), validate.out());

        Run solve = run("solve", file.toString());
        assertEquals(1, solve.status());
        assertTrue(solve.out().contains("W.grad[1, 2] is written 0.52"), solve.out());
        Run fix = run("solve", "--write", file.toString());
        assertEquals(0, fix.status());
        assertTrue(fix.out().endsWith("solve: wrote expect to " + file + " (1 wrong tensor corrected)\n"), fix.out());
        assertEquals(right, Files.readString(file));
    }

    @Test
    void aShapeErrorIsReportedAtItsPlaceAndNothingIsSolved() throws IOException {
        Path file = plant("shape.yaml", "title: bad\ninputs:\n  A: [[1, 2], [3, 4]]\n  B: [[1], [2], [3]]\ngraph:\n"
                + "  out: sum(A @ B)\noutput: out\n");
        String problem = file + ":6:12: A has shape [2, 2] and B has shape [3, 1]: the inner sizes of @ differ:"
                + " [2, 2] @ [3, 1] pairs 2 columns of the left operand with 3 rows of the right; they must be equal"
                + " (transpose an operand if its axes are the wrong way round)";
        assertEquals(new Run(1, problem + "\nvalidate: 1 spec, 0 valid, 1 invalid (1 problem)\n", ""),
                run("validate", file.toString()));
        assertEquals(new Run(1, problem + "\nsolve: " + file + " is not a valid spec; fix the problems above\n", ""),
                run("solve", file.toString()));
        assertEquals(1, run("solve", "--write", file.toString()).status());
    }

    @Test
    void solveWriteRefusesAPointWhereTheAnswersAreNotFinite() throws IOException {
        String text = "title: t\ninputs:\n  x: [1, -2]\ngraph:\n  y: sum(log(x))\noutput: y\n";
        Path file = plant("nan.yaml", text);
        Run write = run("solve", "--write", file.toString());
        assertEquals(1, write.status());
        assertTrue(write.out().contains(file + ":2:1: the value of node 'log(x)[1]' is nan at main"), write.out());
        assertTrue(write.out().endsWith("solve: not written: the reference answers of " + file + " cannot be trusted"
                + " at every case (see above); fix the spec first\n"), write.out());
        assertEquals(text, Files.readString(file));
        assertEquals(1, run("validate", file.toString()).status());
    }

    @Test
    void solveShowsShapesAndTheNumbersOfSmallTensors() throws IOException {
        Path file = plant("affine.yaml", AFFINE);
        Run solve = run("solve", file.toString());
        assertEquals(0, solve.status(), solve.out());
        List<String> lines = solve.out().lines().toList();
        assertEquals("Affine layer with softmax cross-entropy  (" + file + ", 1 point, visible)", lines.get(0));
        assertEquals("main", lines.get(2));
        assertEquals("  X  shape [2, 3]", lines.get(3));
        assertEquals("    value  [[-1.17, 1.48, 1.27],", lines.get(4));
        assertEquals("            [1.1, 0.48, -0.58]]", lines.get(5));
        assertTrue(lines.contains("  y (constant)  shape [2]"), solve.out());
        assertTrue(lines.contains("    value  [0, 4]"), solve.out());
        assertTrue(lines.contains("  loss (output)  shape []"), solve.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("  numerical check, element by element: 26 elements, all"
                + " agree, largest difference "), solve.out());
    }

    @Test
    void solveJsonNestsTensorsAsTheSpecWritesThem() throws IOException {
        Path file = plant("affine.yaml", AFFINE);
        Run json = run("solve", "--json", file.toString());
        assertEquals(0, json.status(), json.out());
        JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("tensor", root.get("language").getAsString());
        JsonObject main = root.getAsJsonArray("cases").get(0).getAsJsonObject();
        assertTrue(main.get("value").isJsonPrimitive());
        JsonArray gradW = main.getAsJsonObject("grad").getAsJsonArray("W");
        assertEquals(3, gradW.size());
        assertEquals(5, gradW.get(0).getAsJsonArray().size());
        assertEquals(26, main.getAsJsonArray("numerical").size());
        assertEquals("X[0, 0]", main.getAsJsonArray("numerical").get(0).getAsJsonObject().get("element").getAsString());
    }

    /** validate goes file by file: a folder holding a scalar spec and a tensor spec checks both. */
    @Test
    void validateTakesAFolderWithSpecsOfBothLanguages() throws IOException {
        plant("a-tensor.yaml", AFFINE);
        Files.copy(Path.of("specs", "square.yaml"), dir.resolve("b-scalar.yaml"));
        run("solve", "--write", dir.resolve("a-tensor.yaml").toString());
        assertEquals(new Run(0, "validate: 2 specs, 2 valid, 0 invalid (0 problems)\n", ""),
                run("validate", dir.toString()));
    }

    @Test
    void theBundledTensorSpecsValidate() {
        assertEquals(new Run(0, "validate: 7 specs, 7 valid, 0 invalid (0 problems)\n", ""),
                run("validate", Path.of("tensors", "specs").toString()));
    }
}
