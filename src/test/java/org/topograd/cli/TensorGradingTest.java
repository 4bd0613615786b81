package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;

/**
 * A tensor assignment graded end to end by {@code grade}, as an instructor runs it: the fixture specs
 * under {@code tensor/specs} (an affine layer with softmax cross-entropy, broadcasting with a shared
 * input, a square product reduced along an axis at its main point and a random one), the correct
 * submission under {@code tensor/submissions/correct}, and six broken copies of it made here, one edit
 * each ({@link #MISTAKES}: three classic mistakes in the ops, one in the traversal, a value left null
 * and a forward that never ends), each with the exact rows its bug fails.
 */
class TensorGradingTest {
    static final Path TENSOR = Path.of("src/test/resources/tensor");
    static final Path CORRECT = TENSOR.resolve("submissions/correct");

    /** One edit of a correct source file: every match of {@code pattern} replaced, exactly {@code count} of them. */
    record Edit(String file, String pattern, String replacement, int count) {}

    /** The body of the correct tanh's forward(). */
    static final String TANH_FORWARD = "\\{ value = inputs\\(\\)\\.get\\(0\\)\\.value\\.tanh\\(\\); \\}";

    /**
     * The broken submissions, as the edits that break the correct one: each must still apply exactly, so
     * that a change to the correct submission cannot quietly leave a mistake out.
     */
    static final Map<String, List<Edit>> MISTAKES = Map.of(
            // = for +=: every backward that fits on one line assigns its share instead of adding it.
            "assign-not-accumulate", List.of(new Edit("nn/Ops.java", "(\\w+)\\.grad = \\1\\.grad\\.plus\\((.+)\\);",
                    "$1.grad = $2;", 23)),
            // A broadcast operand's share is not summed back to its own shape.
            "broadcast-not-summed", List.of(new Edit("nn/Ops.java", "return g\\.sumTo\\(to\\.value\\.shape\\(\\)\\);",
                    "return g;", 1)),
            // matmul's backward without the transposes: G B for G Bᵀ, A G for Aᵀ G.
            "matmul-no-transpose", List.of(
                    new Edit("nn/Ops.java", "g2\\.matmul\\(b2\\.transpose\\(\\)\\)", "g2.matmul(b2)", 1),
                    new Edit("nn/Ops.java", "a2\\.transpose\\(\\)\\.matmul\\(g2\\)", "a2.matmul(g2)", 1)),
            // The traversal calls backward in topological order instead of its reverse.
            "order-not-reversed", List.of(new Edit("nn/Sorter.java", "\\n\\s*Collections\\.reverse\\(order\\);", "", 1),
                    new Edit("nn/Sorter.java", "import java\\.util\\.Collections;\\n", "", 1)),
            // Hostile: tanh's forward never ends, so the worker's CPU limit must stop it.
            "tanh-loops-forever", List.of(new Edit("nn/Ops.java", TANH_FORWARD,
                    "{ for (double spin = 0; spin >= 0; spin += 1e-300) { } value = inputs().get(0).value.tanh(); }",
                    1)),
            // Hostile: tanh computes its value and never assigns it, so value stays null.
            "tanh-value-null", List.of(new Edit("nn/Ops.java", TANH_FORWARD, "{ inputs().get(0).value.tanh(); }", 1)));

    @TempDir
    static Path dir;

    static int status;
    static String output;
    static Path reports;
    static Path submissions;

    @BeforeAll
    static void gradeTheTensorClass() throws IOException {
        submissions = plantTheClass(dir.resolve("submissions"));
        reports = dir.resolve("reports");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        status = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--specs",
                TENSOR.resolve("specs").toString(), "--submissions", submissions.toString(),
                "--reports", reports.toString(), "--jobs", "2");
        output = out + err.toString();
    }

    /** The correct submission and each of {@link #MISTAKES}, under {@code root}. */
    static Path plantTheClass(Path root) throws IOException {
        Folders.copyTree(CORRECT, root.resolve("correct"));
        for (Map.Entry<String, List<Edit>> mistake : MISTAKES.entrySet()) {
            Path broken = root.resolve(mistake.getKey());
            Folders.copyTree(CORRECT, broken);
            for (Edit edit : mistake.getValue()) {
                Path file = broken.resolve(edit.file());
                String source = Files.readString(file);
                Matcher matches = Pattern.compile(edit.pattern()).matcher(source);
                assertEquals(edit.count(), matches.results().count(), mistake.getKey() + ": " + edit.pattern());
                Files.writeString(file, Pattern.compile(edit.pattern()).matcher(source).replaceAll(edit.replacement()));
            }
        }
        return root;
    }

    /** Every row of a scorecard that did not pass: spec, case, check, status and message. */
    static List<String> notPassed(String student) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(reports.resolve("scorecards/" + student + ".csv"));
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                if (!r.get("spec").isEmpty() && !r.get("status").equals("pass")) {
                    rows.add(String.join(" | ", r.get("spec"), r.get("case"), r.get("check"), r.get("status"),
                            r.get("message")));
                }
            }
        }
        return rows;
    }

    /** How many check rows a scorecard has. */
    static long rows(String student) throws IOException {
        try (Reader in = Files.newBufferedReader(reports.resolve("scorecards/" + student + ".csv"));
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).get())) {
            return parser.stream().filter(r -> !r.get("spec").isEmpty()).count();
        }
    }

    static List<String> summary() throws IOException {
        return Files.readAllLines(reports.resolve("summary.csv"));
    }

    @Test
    void gradingCompletesAndTheCorrectSubmissionGetsFullMarks() throws IOException {
        assertEquals(ExitCodes.OK, status, output);
        for (String student : List.of("correct", "matmul-no-transpose", "broadcast-not-summed",
                "assign-not-accumulate", "tanh-value-null", "tanh-loops-forever", "order-not-reversed")) {
            assertTrue(output.contains(student), output);
        }
        assertEquals(List.of(), notPassed("correct"));
        assertEquals(5 * (1 + 1 + 2), rows("correct"), "five checks at each point: one in two specs, two in one");
        // Points per spec (6, 4 and 2), shared among the checks; the last column is the sandbox, this machine's.
        // Each classic mistake is named in the bugs column; the traversal's mistake is not a tensor mutant's.
        assertEquals(List.of("student,score,max_score,percent,status,bugs,affine,broadcast,reduction",
                "assign-not-accumulate,9.6,12,80,ok,assign-instead-of-accumulate,6,1.6,2",
                "broadcast-not-summed,6,12,50,ok,broadcast-not-summed,2.4,1.6,2",
                "correct,12,12,100,ok,,6,4,2",
                "matmul-no-transpose,7.2,12,60,ok,matmul-no-transpose,2.4,4,0.8",
                "order-not-reversed,7.2,12,60,ok,,3.6,2.4,1.2",
                "tanh-loops-forever,8.8,12,73.33,ok,,6,0.8,2",
                "tanh-value-null,8.8,12,73.33,ok,,6,0.8,2"),
                summary().stream().map(r -> r.substring(0, r.lastIndexOf(','))).toList());
    }

    /**
     * The gradient check runs topograd's order, so its first wrong gradient (B's, whose one user m is
     * right) names the backward() that computed it; end to end the traversal might be at fault, so it
     * does not.
     */
    static final String MATMUL_AT_FAULT = "; the first wrong gradient is what MatMul.backward() at node m passes back"
            + " to its input, while m.grad itself is right: look there";

    /** The fix of a missing transpose, as the diagnosis words it. */
    static final String TRANSPOSES = " For value = A @ B, the gradients are dA = G Bᵀ and dB = Aᵀ G: only with the"
            + " transposes does each have its operand's shape, and square matrices hide a missing one from the shape,"
            + " not from the numbers.";

    /** Both transposes missing, named from the numbers: where the matrices are square. */
    static final String BOTH_MISSING = ". Likely bug: your numbers match matmul's gradients without the transposes"
            + " (dA = G B and dB = A G instead of G Bᵀ and Aᵀ G), in MatMul.backward() at node m." + TRANSPOSES;

    /**
     * Matmul's gradient without the transposes: where the shapes are not square it cannot even be
     * computed (an exception in the student's backward); where they are, the numbers are wrong.
     */
    @Test
    void aMatmulGradientWithoutTheTransposes() throws IOException {
        String thrown = "threw java.lang.IllegalArgumentException: the inner sizes of matmul differ: [2, 5] @ [3, 5]"
                + " pairs 5 columns with 3 rows; they must be equal, at nn.Ops$MatMul.backward(Ops.java:152)";
        List<String> rows = notPassed("matmul-no-transpose");
        assertEquals(9, rows.size(), String.join("\n", rows));
        // Where the sizes do not match, the exception (with both shapes) is the mistake's, from the same backward():
        // the left operand's share throws first, so it tells only of that one's missing transpose.
        String named = ". Likely bug: that exception is what matmul's gradient without the transpose (dA = G B instead"
                + " of G Bᵀ) throws here, where the sizes do not match";
        assertEquals("affine | main | gradient | error | MatMul.backward() at node (X @ W) " + thrown + named + "."
                + TRANSPOSES, rows.get(0));
        assertEquals("affine | main | end_to_end | error | Sorter.backward(output) " + thrown + named
                + ", in MatMul.backward() at node (X @ W)." + TRANSPOSES, rows.get(1));
        assertEquals("affine | main | numerical | error | MatMul.backward() at node (X @ W) " + thrown + named + "."
                + TRANSPOSES, rows.get(2));
        assertEquals(List.of(
                "reduction | main | gradient | fail | B.grad[0, 0] is -1.078125, expected 5.390625 (tolerance"
                        + " ±5.4e-6); all 4 of its elements are wrong; also wrong: A.grad" + MATMUL_AT_FAULT
                        + BOTH_MISSING,
                "reduction | main | end_to_end | fail | B.grad[0, 0] is -1.078125, expected 5.390625 (tolerance"
                        + " ±5.4e-6); all 4 of its elements are wrong; also wrong: A.grad" + BOTH_MISSING,
                "reduction | main | numerical | fail | A[0, 0]: your backward gives 3.1171875 but your forward's"
                        + " numerical derivative is 3.3125 (tolerance ±3.4e-4); forward and backward disagree"
                        + BOTH_MISSING,
                "reduction | random-1 | gradient | fail | B.grad[0, 0] is 0.02598100224, expected -0.07108652901"
                        + " (tolerance ±7.2e-8); all 4 of its elements are wrong; also wrong: A.grad"
                        + MATMUL_AT_FAULT + BOTH_MISSING,
                "reduction | random-1 | end_to_end | fail | B.grad[0, 0] is 0.02598100224, expected -0.07108652901"
                        + " (tolerance ±7.2e-8); all 4 of its elements are wrong; also wrong: A.grad" + BOTH_MISSING,
                "reduction | random-1 | numerical | fail | A[0, 0]: your backward gives 0.02674676072 but your"
                        + " forward's numerical derivative is -0.0792027568 (tolerance ±1.8e-5); forward and backward"
                        + " disagree" + BOTH_MISSING),
                rows.subList(3, 9));
    }

    /**
     * A broadcast operand's gradient not summed back: a wrong shape, named with the rule that fixes it, and
     * the mistake whose shape it is (after the student's traversal, with the backward() that wrote it).
     */
    @Test
    void aBroadcastGradientNotSummedBack() throws IOException {
        String bug = "Likely bug: shape [2, 5] is what a broadcast operand's gradient not summed back over the axes"
                + " it was broadcast along (x.grad plus the share as it is, instead of share.sumTo(x.shape)) gives";
        String fix = ". An operand broadcast on the way forward (a bias row added to every example) was used once per"
                + " copy, so its gradient is the share summed back to its own shape: share.sumTo(x.shape), numpy's"
                + " grad.sum(axis=0) for a bias.";
        String sumTo = ": an operand broadcast on the way forward gets its share summed back to its own shape"
                + " (grad.sumTo(shape)). ";
        String affine = sumTo + bug + fix;
        String affineEndToEnd = sumTo + bug + ", in Add.backward() at node z" + fix;
        String broadcast = sumTo + bug.replace("[2, 5]", "[2, 3]") + fix;
        String broadcastEndToEnd = sumTo + bug.replace("[2, 5]", "[2, 3]") + ", in Add.backward() at node p" + fix;
        assertEquals(List.of(
                "affine | main | gradient | fail | b.grad has shape [2, 5], expected [5], after Add.backward() at node"
                        + " z" + affine,
                "affine | main | end_to_end | fail | b.grad has shape [2, 5], expected [5], after"
                        + " Sorter.backward(output)" + affineEndToEnd,
                "affine | main | numerical | fail | b.grad has shape [2, 5], expected [5], after Add.backward() at node"
                        + " z" + affine,
                "broadcast | main | gradient | fail | v.grad has shape [2, 3], expected [3], after Add.backward() at"
                        + " node p" + broadcast,
                "broadcast | main | end_to_end | fail | v.grad has shape [2, 3], expected [3], after"
                        + " Sorter.backward(output)" + broadcastEndToEnd,
                "broadcast | main | numerical | fail | v.grad has shape [2, 3], expected [3], after Add.backward() at"
                        + " node p" + broadcast),
                notPassed("broadcast-not-summed"));
    }

    /** {@code =} for {@code +=}: wrong only where a node has two uses (x, in the broadcast spec), and named there. */
    @Test
    void assigningInsteadOfAccumulating() throws IOException {
        String bug = ". Likely bug: your numbers match a backward() that assigns x.grad = share instead of adding to it"
                + " (x.grad = x.grad.plus(share)): x is used twice, and with = only the last share survives instead of"
                + " the sum of both, in Mul.backward() at node (x * c) and Mul.backward() at node (tanh(p) * x). Add to"
                + " the gradient, x.grad = x.grad.plus(share): by the multivariate chain rule a node's gradient is the"
                + " sum of the shares of every use of it.";
        assertEquals(List.of(
                "broadcast | main | gradient | fail | x.grad[0, 0] is 0.1410022273, expected 0.3859208897 (tolerance"
                        + " ±3.9e-7); all 6 of its elements are wrong" + bug,
                "broadcast | main | end_to_end | fail | x.grad[0, 0] is 0.1410022273, expected 0.3859208897 (tolerance"
                        + " ±3.9e-7); all 6 of its elements are wrong" + bug,
                "broadcast | main | numerical | fail | x[0, 0]: your backward gives 0.1410022273 but your forward's"
                        + " numerical derivative is 0.3859208897 (tolerance ±4.9e-5); forward and backward disagree"
                        + bug),
                notPassed("assign-not-accumulate"));
    }

    /** A value student code left null is that code's failure, said plainly, wherever the value is needed. */
    @Test
    void aValueLeftNull() throws IOException {
        String why = " | (tanh(p)).value is null after Tanh.forward() at node (tanh(p)): forward must set value";
        assertEquals(List.of("broadcast | main | forward | fail" + why, "broadcast | main | gradient | fail" + why,
                "broadcast | main | end_to_end | fail" + why, "broadcast | main | numerical | fail" + why),
                notPassed("tanh-value-null"));
    }

    /**
     * A traversal that calls backward() in topological order instead of its reverse: the traversal check
     * on topograd's scalar probe nodes says so, and end to end every gradient is wrong; the ops pass. No
     * tensor mutant makes that mistake, so none is named: a bug outside the catalogue is never blamed on one.
     */
    @Test
    void aTraversalInForwardOrder() throws IOException {
        List<String> rows = notPassed("order-not-reversed");
        assertEquals(List.of("affine | main | traversal", "affine | main | end_to_end", "broadcast | main | traversal",
                "broadcast | main | end_to_end", "reduction | main | traversal", "reduction | main | end_to_end",
                "reduction | random-1 | traversal", "reduction | random-1 | end_to_end"),
                rows.stream().map(r -> r.substring(0, r.indexOf(" | fail"))).toList());
        assertEquals("affine | main | traversal | fail | backward: b.grad is 0, expected 1 (tolerance ±1e-6); 3 more"
                + " node(s) wrong" + TENSOR_PROBES + "; (X @ W).backward() ran before z.backward(), which uses it,"
                + " had added its share; go through the topological order in reverse, from the output back to the"
                + " inputs", rows.get(0));
        assertEquals("affine | main | end_to_end | fail | b.grad[0] is 0, expected -0.4521778943 (tolerance ±4.5e-7);"
                + " all 5 of its elements are wrong; also wrong: (X @ W).grad, W.grad, X.grad", rows.get(1));
        assertEquals(rows.get(4).replace("| main |", "| random-1 |"), rows.get(6), "one traversal verdict a spec");
        assertTrue(rows.stream().noneMatch(r -> r.contains("Likely bug")), String.join("\n", rows));
    }

    private static final String TENSOR_PROBES = " (these are probe-node gradients: your TensorBackprop ran on this"
            + " spec's graph built from topograd's own scalar-shaped nodes, each of which multiplies the gradient it"
            + " passes to an input by a fixed number, 0.8 or 1.25, instead of its op's derivative; a right traversal"
            + " gets them exactly)";

    /**
     * A forward that never ends is found once, by the smoke test before any spec, and named with a note;
     * the checks that would run it are not run, so no spec's first point pays a CPU timeout.
     */
    @Test
    void aForwardThatNeverEnds() throws IOException {
        String stopped = "did not finish within 2 s of CPU time; stopped in Tanh.forward() at node smoke_test_tanh";
        String why = "broadcast | main | %s | not_run | not run: Tanh stopped the worker when first tried: " + stopped;
        assertEquals(List.of(String.format(why, "forward"), String.format(why, "gradient"),
                String.format(why, "end_to_end"), String.format(why, "numerical")), notPassed("tanh-loops-forever"));
        assertTrue(Files.readString(reports.resolve("scorecards/tanh-loops-forever.csv")).contains("op tanh: "
                + stopped), "a note for the student");
    }

    /**
     * A tensor spec whose {@code expect} disagrees with the reference engine is left out with validate's
     * message, as a scalar one is: students are never graded on a spec the instructor got wrong.
     */
    @Test
    void aSpecWithAWrongExpectationIsLeftOut(@TempDir Path folder) throws IOException {
        Path specs = Files.createDirectories(folder.resolve("specs"));
        Files.copy(TENSOR.resolve("specs/broadcast.yaml"), specs.resolve("broadcast.yaml"));
        Files.writeString(specs.resolve("reduction.yaml"), Files.readString(TENSOR.resolve("specs/reduction.yaml"))
                + "expect: {value: 1}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--specs", specs.toString(),
                "--submissions", submissions.toString(), "--reports",
                folder.resolve("reports").toString(), "--only", "correct");
        assertEquals(ExitCodes.FINDINGS, status, out + "" + err);
        assertEquals(specs.resolve("reduction.yaml") + ":12:17: expect value is 1, but the reference engine computes"
                + " 4.673828125; correct the number, or let topograd solve --write fill it in\n1 spec(s) are invalid"
                + " and were left out; run topograd validate to see why.",
                err.toString().replace(Sandboxes.PLAIN_NOTICE, "").strip());
        assertTrue(Files.readAllLines(folder.resolve("reports/summary.csv")).get(0)
                .startsWith("student,score,max_score,percent,status,bugs,broadcast,"), "graded on the other spec");
    }

    /** An assignment folder is all scalar or all tensor specs: a mix is refused, naming the files of each. */
    @Test
    void aFolderMixingScalarAndTensorSpecsIsRefused(@TempDir Path mixed) throws IOException {
        Path specs = Files.createDirectories(mixed.resolve("specs"));
        Files.copy(TENSOR.resolve("specs/reduction.yaml"), specs.resolve("reduction.yaml"));
        Files.writeString(specs.resolve("square.yaml"), "title: Square\ninputs: {x: 3}\ngraph:\n  y: x * x\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int refused = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--specs", specs.toString(),
                "--submissions", submissions.toString(), "--reports",
                mixed.resolve("reports").toString());
        assertEquals(ExitCodes.FINDINGS, refused, out + "" + err);
        assertEquals("topograd grade: " + specs + " holds scalar specs (square.yaml) and tensor specs"
                + " (reduction.yaml); an assignment is all one or the other: put each kind in a specs folder of its"
                + " own. Nothing was graded.", err.toString().strip());
        assertTrue(Files.notExists(mixed.resolve("reports")), "nothing graded, nothing written");
    }

    /**
     * Gradescope grades a tensor assignment as {@code grade} does: the same score, one test per spec and
     * check, in Gradescope's format, a hidden tensor spec's messages held back; and the autograder package
     * is built from a tensor specs folder.
     */
    @Test
    void gradescopeGradesATensorSubmissionAsGradeDoes(@TempDir Path folder) throws IOException {
        Path specs = Files.createDirectories(folder.resolve("specs"));
        for (String spec : List.of("affine", "broadcast")) {
            Files.copy(TENSOR.resolve("specs/" + spec + ".yaml"), specs.resolve(spec + ".yaml"));
        }
        Files.writeString(specs.resolve("reduction.yaml"), Files.readString(TENSOR.resolve("specs/reduction.yaml"))
                + "visibility: hidden\n");
        Path results = folder.resolve("results.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int graded = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--format", "gradescope",
                "--specs", specs.toString(), "--submission", submissions.resolve("matmul-no-transpose").toString(),
                "--out", results.toString());
        assertEquals(ExitCodes.OK, graded, out + "" + err);
        String json = Files.readString(results);
        assertEquals(List.of(), org.topograd.gradescope.ResultsSchema.problems(json), json);
        com.google.gson.JsonObject root = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        String score = summary().stream().filter(r -> r.startsWith("matmul-no-transpose,")).findFirst().orElseThrow()
                .split(",")[1];
        assertEquals(score, root.get("score").getAsBigDecimal().toPlainString(), json);
        assertEquals(3 * 5, root.getAsJsonArray("tests").size(), json);
        String text = json.replace("\\n", "\n");
        assertTrue(text.contains("main: ERROR: MatMul.backward() at node (X @ W) threw"), json);
        assertTrue(text.contains("This spec is hidden: its expected values are not shown."), json);
        assertFalse(text.contains("B.grad[0, 0] is"), "the hidden spec's numbers are held back: " + json);

        Path zip = folder.resolve("autograder.zip");
        Path jar = Files.writeString(folder.resolve("topograd.jar"), "a jar");
        StringWriter packed = new StringWriter();
        assertEquals(ExitCodes.OK, Main.execute(new PrintWriter(packed), new PrintWriter(err), "gradescope-package",
                "--specs", specs.toString(), "--jar", jar.toString(), "--out", zip.toString()), err.toString());
        assertTrue(packed.toString().startsWith("autograder: " + zip + " (3 tensor specs, 1 hidden)"), packed.toString());
    }

    /** {@code check} on a tensor assignment gives a student the very rows {@code grade} gives the instructor. */
    @Test
    void checkGivesTheRowsGradeGives() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int checked = Main.execute(new PrintWriter(out), new PrintWriter(err), "check", "--json", "--specs",
                TENSOR.resolve("specs").toString(), submissions.resolve("matmul-no-transpose").toString());
        assertEquals(ExitCodes.FINDINGS, checked, out + "" + err);
        List<String> failing = new ArrayList<>();
        for (com.google.gson.JsonElement spec : com.google.gson.JsonParser.parseString(out.toString())
                .getAsJsonObject().getAsJsonArray("specs")) {
            for (com.google.gson.JsonElement c : spec.getAsJsonObject().getAsJsonArray("checks")) {
                com.google.gson.JsonObject row = c.getAsJsonObject();
                if (!row.get("status").getAsString().equals("pass")) {
                    failing.add(String.join(" | ", spec.getAsJsonObject().get("id").getAsString(),
                            row.get("case").getAsString(), row.get("check").getAsString(),
                            row.get("status").getAsString(), row.get("message").getAsString()));
                }
            }
        }
        assertEquals(notPassed("matmul-no-transpose"), failing);
    }
}
