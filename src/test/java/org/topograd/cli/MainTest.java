package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.spec.SpecLoader;

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
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith(broken + ":4:10: unknown function 'sinh'"), lines.get(0));
        assertTrue(lines.get(1).startsWith(broken + ":5:10: undefined name 'q'"), lines.get(1));
        assertTrue(lines.get(2).startsWith(wrong + ":5:30: expect grad x is 3, but the reference engine computes 6"),
                lines.get(2));
        assertEquals("validate: 4 specs, 2 valid, 2 invalid (3 problems)", lines.get(3));
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
    void validSpecsExitZero() {
        Run run = run("validate", path(MIXED.resolve("a-good.yaml")), path(MIXED.resolve("d-good.yml")));
        assertEquals(new Run(0, "validate: 2 specs, 2 valid, 0 invalid (0 problems)\n", ""), run);
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
    void benchRejectsBadOptions() {
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
        for (String command : List.of("validate", "solve", "bench")) {
            Run run = run(command, "--help");
            assertEquals(0, run.status(), command);
            assertTrue(run.out().startsWith("Usage: topograd " + command), run.out());
            assertTrue(run.out().contains("Exit status: 0 all good; 1 something checked is wrong"), run.out());
        }
        Run top = run("--help");
        assertTrue(top.out().contains("validate") && top.out().contains("solve") && top.out().contains("bench"), top.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().startsWith("Usage: topograd"), run.err());
    }
}
