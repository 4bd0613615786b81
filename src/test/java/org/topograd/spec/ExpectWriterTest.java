package org.topograd.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectWriterTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    /** The PowerNode's answers at the top level, (a, b, c) = (7, 3, 2), and the two cases below. */
    private static Map<String, ExpectWriter.Answer> answers() {
        Map<String, ExpectWriter.Answer> answers = new LinkedHashMap<>();
        answers.put("main", new ExpectWriter.Answer(68, new double[] {2, 54, 34}));
        answers.put("case-1", new ExpectWriter.Answer(-5.5, new double[] {4, 3, -1.375}));
        answers.put("case-2", new ExpectWriter.Answer(1e-20, new double[] {0.1, -2.5e7, 1}));
        return answers;
    }

    /** Writes, checks idempotence and that the result is a valid spec expecting exactly the answers. */
    private static String write(String text) {
        String written = ExpectWriter.write(text, ABC, answers());
        assertEquals(written, ExpectWriter.write(written, ABC, answers()), "writing twice changes nothing");
        SpecResult result = SpecLoader.parse(Path.of("t.yaml"), written);
        assertTrue(result instanceof SpecResult.Valid, () -> result + "\n" + written);
        for (Case c : ((SpecResult.Valid) result).spec().cases()) {
            ExpectWriter.Answer want = answers().get(c.name());
            if (want == null) {
                continue;
            }
            Expected expected = c.expected().orElseThrow();
            assertEquals(want.value(), expected.value().orElseThrow().number(), c.name());
            assertEquals(ABC, expected.grads().stream().map(Claim::subject).toList());
            for (int k = 0; k < 3; k++) {
                assertEquals(want.grads()[k], expected.grads().get(k).number(), c.name() + " " + ABC.get(k));
            }
        }
        return written;
    }

    private static final String GRAPH = """
            inputs: {a: 7, b: 3, c: 2}   # the lecture's point
            graph:
              p: b ^ 3    # PowerNode
              s: a + p

              y: s * c
            """;

    /** Random points have no expect block, so their answers are never written, even when not finite. */
    @Test
    void theAnswersOfRandomPointsAreIgnoredEvenWhenNotFinite() {
        Map<String, ExpectWriter.Answer> answers = new LinkedHashMap<>();
        answers.put("main", new ExpectWriter.Answer(68, new double[] {2, 54, 34}));
        answers.put("random-1", new ExpectWriter.Answer(Double.NaN, new double[] {Double.NaN, 1, 1}));
        String text = "title: t\n" + GRAPH + "random: {count: 1}\n";
        assertTrue(ExpectWriter.write(text, ABC, answers).contains("grad: {a: 2, b: 54, c: 34}"));
    }

    @Test
    void insertsABlockAfterTheOutputLineAndFlowExpectsIntoCases() {
        String text = "# A spec\ntitle: PowerNode\n" + GRAPH + """
                output: y   # the output
                # cases follow
                cases:
                  - inputs: {a: -1.5, b: 0.5, c: 4}   # first
                  - {inputs: {b: -2}}
                """;
        assertEquals("# A spec\ntitle: PowerNode\n" + GRAPH + """
                output: y   # the output
                expect:
                  value: 68
                  grad: {a: 2, b: 54, c: 34}
                # cases follow
                cases:
                  - inputs: {a: -1.5, b: 0.5, c: 4}   # first
                    expect: {value: -5.5, grad: {a: 4, b: 3, c: -1.375}}
                  - {inputs: {b: -2}, expect: {value: 1e-20, grad: {a: 0.1, b: -25000000, c: 1}}}
                """, write(text));
    }

    @Test
    void insertsAfterTheGraphWhenThereIsNoOutputLine() {
        String text = "title: t\n" + GRAPH + "\n# the end\n";
        assertEquals("title: t\n" + GRAPH.stripTrailing() + "\nexpect:\n  value: 68\n  grad: {a: 2, b: 54, c: 34}\n\n# the end\n",
                write(text));
    }

    @Test
    void followsTheFilesIndentation() {
        String text = "title: t\ninputs: {a: 7, b: 3, c: 2}\ngraph:\n    y: (a + b ^ 3) * c\n";
        assertEquals(text + "expect:\n    value: 68\n    grad: {a: 2, b: 54, c: 34}\n", write(text));
    }

    @Test
    void updatesAFlowExpectInPlaceAndCompletesIt() {
        String text = "title: t\n" + GRAPH + "expect: {value: \"60\",  grad: {b: 45}}  # by hand\n";
        assertEquals("title: t\n" + GRAPH + "expect: {value: 68,  grad: {a: 2, b: 54, c: 34}}  # by hand\n", write(text));
    }

    @Test
    void insertsSeveralEntriesBeforeTheFirstInInputOrder() {
        String text = "title: t\n" + GRAPH + "expect: {grad: {c: 1}, value: 2}\n";
        assertEquals("title: t\n" + GRAPH + "expect: {grad: {a: 2, b: 54, c: 34}, value: 68}\n", write(text));
    }

    @Test
    void completesAnEmptyFlowExpect() {
        String text = "title: t\n" + GRAPH + "expect: {}\n";
        assertEquals("title: t\n" + GRAPH + "expect: {value: 68, grad: {a: 2, b: 54, c: 34}}\n", write(text));
    }

    @Test
    void updatesABlockExpectInPlaceKeepingItsComments() {
        String text = "title: t\n" + GRAPH + """
                expect:
                  # worked out on the board
                  grad:
                    b: 45      # 3 b^2 c
                    c: 34
                cases:
                  - inputs:
                      a: -1.5
                      b: 0.5
                      c: 4
                    expect:
                      value: 0   # todo
                  - inputs: {a: 1}
                    # nothing expected yet
                """;
        assertEquals("title: t\n" + GRAPH + """
                expect:
                  # worked out on the board
                  value: 68
                  grad:
                    a: 2
                    b: 54      # 3 b^2 c
                    c: 34
                cases:
                  - inputs:
                      a: -1.5
                      b: 0.5
                      c: 4
                    expect: {value: -5.5, grad: {a: 4, b: 3, c: -1.375}}
                  - inputs: {a: 1}
                    expect: {value: 1e-20, grad: {a: 0.1, b: -25000000, c: 1}}
                    # nothing expected yet
                """.replace("    expect: {value: -5.5, grad: {a: 4, b: 3, c: -1.375}}\n",
                "    expect:\n      value: -5.5   # todo\n      grad: {a: 4, b: 3, c: -1.375}\n"), write(text));
    }

    @Test
    void windowsLineEndingsStayWindows() {
        String text = ("title: t\n" + GRAPH + "output: y\n").replace("\n", "\r\n");
        assertEquals(text + "expect:\r\n  value: 68\r\n  grad: {a: 2, b: 54, c: 34}\r\n", write(text));
    }

    @Test
    void textOutsideTheBasicPlaneDoesNotShiftTheEdits() {
        // SnakeYAML counts code points; Java strings count UTF-16 chars.
        String text = "title: \uD83D\uDE00 PowerNode \uD83D\uDE00\n" + GRAPH + "expect: {value: 1}\n";
        assertEquals("title: \uD83D\uDE00 PowerNode \uD83D\uDE00\n" + GRAPH
                + "expect: {value: 68, grad: {a: 2, b: 54, c: 34}}\n", write(text));
    }

    @Test
    void refusesNonFiniteNumbersAndMissingAnswers() {
        String text = "title: t\n" + GRAPH;
        assertThrows(IllegalArgumentException.class, () -> ExpectWriter.write(text, ABC,
                Map.of("main", new ExpectWriter.Answer(Double.NaN, new double[] {1, 2, 3}))));
        assertThrows(IllegalArgumentException.class, () -> ExpectWriter.write(text + "cases:\n  - inputs: {a: 1}\n", ABC,
                Map.of("main", new ExpectWriter.Answer(1, new double[] {1, 2, 3}))));
    }

    @Test
    void rewriteReplacesTheFileAtomicallyAndOnlyWhenNeeded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("power.yaml");
        String text = "title: t\n" + GRAPH + "cases:\n  - inputs: {a: 1}\n  - inputs: {a: 2}\n";
        Files.writeString(file, text);
        assertTrue(ExpectWriter.rewrite(file, ABC, answers()));
        String written = Files.readString(file);
        assertEquals(ExpectWriter.write(text, ABC, answers()), written);
        assertFalse(ExpectWriter.rewrite(file, ABC, answers()), "already up to date");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }
}
