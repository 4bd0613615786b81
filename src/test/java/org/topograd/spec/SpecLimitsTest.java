package org.topograd.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 11 found crashing or stalling the reader, each now a valid spec or messages at a line
 * and column with what to do: encodings, forbidden characters, SnakeYAML's limits, sizes, graphs
 * whose every entry is refused, deep expressions, large graphs and long cycles.
 */
class SpecLimitsTest {
    @TempDir
    Path dir;

    private List<Problem> problems(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        SpecResult result = SpecLoader.load(file);
        if (result instanceof SpecResult.Valid) {
            fail("expected problems, but the spec is valid");
        }
        return ((SpecResult.Invalid) result).problems();
    }

    private List<Problem> problems(String text) throws IOException {
        return problems("t.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertAt(Problem problem, int line, int column, String... words) {
        assertEquals(line + ":" + column, problem.at().line() + ":" + problem.at().column(), problem.toString());
        for (String word : words) {
            assertTrue(problem.message().contains(word), () -> "'" + word + "' missing from: " + problem.message());
        }
    }

    @Test
    void aByteThatIsNotUtf8IsPlacedAtItsLineAndColumn() throws IOException {
        byte[] latin1 = "title: t\ninputs: {a: 1}\ngraph:\n  y: a * 2  # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Problem> problems = problems("latin1.yaml", latin1);
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 4, 18, "byte 0xE9 (byte 48 of the file) is not UTF-8", "save it as UTF-8");
    }

    @Test
    void utf16IsNamedAndAUtf8ByteOrderMarkIsHarmless() throws IOException {
        assertAt(problems("u16.yaml", "title: t\n".getBytes(StandardCharsets.UTF_16)).get(0), 1, 1, "UTF-16",
                "save it as UTF-8");
        Path bom = dir.resolve("bom.yaml");
        Files.write(bom, ("\uFEFFtitle: t\ninputs: {a: 1}\ngraph:\n  y: a * 2\n").getBytes(StandardCharsets.UTF_8));
        assertInstanceOf(SpecResult.Valid.class, SpecLoader.load(bom));
    }

    @Test
    void aNulCharacterIsPlacedAndExplained() throws IOException {
        List<Problem> problems = problems("title: t\ninputs: {a: 1}\ngraph:\n  y: a \u0000* 2\n");
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 4, 8, "a NUL character (U+0000) is not allowed", "remove it");
    }

    @Test
    void aBinaryFileIsSummedUpNotListed() throws IOException {
        List<Problem> problems = problems("bin.yaml", new byte[] {'a', 1, 2, 3, 4, 5, 6, '\n'});
        assertEquals(4, problems.size(), problems::toString);
        assertAt(problems.get(3), 1, 4, "and 3 more characters that are not allowed", "Save it as UTF-8 text");
    }

    @Test
    void nestingBeyondTheLimitIsPlacedWhereItIsCrossed() throws IOException {
        String deep = "[".repeat(60) + "]".repeat(60);
        List<Problem> problems = problems("title: t\ninputs: {a: 1}\ngraph:\n  y: a * 2\ncases: " + deep + "\n");
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 5, 8 + 50, "nested more than 50 levels deep here", "flatten");
    }

    @Test
    void aliasesOfCollectionsBeyondTheLimitArePlaced() throws IOException {
        StringBuilder text = new StringBuilder("title: t\ninputs: &i {a: 1}\ngraph:\n  y: a * 2\ncases:\n");
        for (int i = 0; i < 25; i++) {
            text.append("  - inputs: *i\n");
        }
        List<Problem> problems = problems(text.toString());
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 6 + 20, 13, "more than 20 aliases", "write the values out");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() throws IOException {
        String line = "# " + "x".repeat(1000) + "\n";
        String text = "title: t\n" + line.repeat(SourceText.MAX_BYTES / line.length() + 10);
        List<Problem> problems = problems(text);
        assertEquals(1, problems.size(), problems::toString);
        int crossed = 1 + SourceText.MAX_BYTES / line.length() + 1; // the title's line, the full lines, then this one
        assertAt(problems.get(0), crossed, 1, "larger than 2 MB", "generate");
    }

    @Test
    void aLineOverTheLengthLimitIsRefusedBeforeItIsParsed() throws IOException {
        List<Problem> problems = problems("title: " + "x".repeat(SourceText.MAX_LINE) + "\ninputs: {a: 1}\n");
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 1, SourceText.MAX_LINE + 1, "longer than 65536 characters", "break it up");
    }

    @Test
    void aFolderIsNoSpec() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.yaml"));
        SpecResult result = SpecLoader.load(folder);
        assertAt(((SpecResult.Invalid) result).problems().get(0), 1, 1, "not a regular file", "give a YAML file");
    }

    @Test
    void aGraphWhoseEveryEntryIsRefusedIsReportedNotCrashed() throws IOException {
        List<Problem> problems = problems("title: t\ninputs: {a: 1}\ngraph:\n  2x: a\n  a: a * 2\n  sin: a\n  l: [a]\n");
        assertEquals(4, problems.size(), problems::toString);
        assertAt(problems.get(0), 4, 3, "'2x' cannot name a graph node");
        assertAt(problems.get(1), 5, 3, "'a' is an input already");
        assertAt(problems.get(2), 6, 3, "'sin' is the name of a function");
        assertAt(problems.get(3), 7, 6, "node l is a list", "write a single value");
    }

    @Test
    void aSumOfTenThousandTermsIsOneValidGraph() {
        String sum = String.join(" + ", java.util.Collections.nCopies(10_000, "a"));
        SpecResult result = SpecLoader.parse(Path.of("t.yaml"), "title: t\ninputs: {a: 1}\ngraph:\n  y: " + sum + "\n");
        Spec spec = assertInstanceOf(SpecResult.Valid.class, result).spec();
        assertEquals(1 + 9_999, spec.graph().size(), "the input and the 9,999 additions (the last is y)");
        assertTrue(spec.graph().label(spec.graph().size() - 2).length() <= 60, "labels are shortened");
    }

    @Test
    void aCycleThroughFortyThousandEntriesIsReportedOnceAndShortly() {
        int n = 40_000;
        StringBuilder text = new StringBuilder("title: t\ninputs: {a: 1}\ngraph:\n");
        for (int i = 0; i < n; i++) {
            text.append("  n").append(i).append(": n").append((i + 1) % n).append(" + a\n");
        }
        List<Problem> problems = ((SpecResult.Invalid) SpecLoader.parse(Path.of("t.yaml"), text.toString())).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 4, 3, "cycle: n0 -> n1 -> n2 -> n3 -> n4 -> ... (39990 more) -> n39995", "n39999 -> n0",
                "must not use the next");
    }

    @Test
    void twoCyclesAreTwoProblems() {
        List<Problem> problems = ((SpecResult.Invalid) SpecLoader.parse(Path.of("t.yaml"),
                "title: t\ninputs: {a: 1}\ngraph:\n  p: q + a\n  q: p * 2\n  r: s * 3\n  s: r * r\n  t: t + 1\n")).problems();
        assertEquals(3, problems.size(), problems::toString);
        assertAt(problems.get(0), 4, 3, "cycle: p -> q -> p");
        assertAt(problems.get(1), 6, 3, "cycle: r -> s -> r");
        assertAt(problems.get(2), 8, 3, "cycle: t -> t");
    }

    @Test
    void manyProblemsAreCountedPastTheFirstHundred() {
        StringBuilder text = new StringBuilder("title: t\ninputs: {a: 1}\ngraph:\n");
        for (int i = 0; i < 500; i++) {
            text.append("  n").append(i).append(": m").append(i).append(" + a\n");
        }
        List<Problem> problems = ((SpecResult.Invalid) SpecLoader.parse(Path.of("t.yaml"), text.toString())).problems();
        assertEquals(101, problems.size());
        assertAt(problems.get(100), 104, 9, "and 400 more problems from here on", "fix the ones above");
    }

    @Test
    void hugePointsAndTooManyPointsAreRefusedWithoutTheWork() throws IOException {
        assertAt(problems("title: t\npoints: 1e999999999\ninputs: {a: 1}\ngraph:\n  y: a * 2\n").get(0), 2, 9,
                "at most 1000000");
        List<Problem> problems = problems("title: t\ninputs: {x: 1}\ngenerate: {shape: chain, op: sin, length: 100000}\n"
                + "random: {count: 1000}\n");
        assertEquals(1, problems.size(), problems::toString);
        assertAt(problems.get(0), 4, 9, "1000 input points on a graph of 100001 nodes", "use fewer points");
    }
}
