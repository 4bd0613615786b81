package org.topograd.picture.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorEngine;
import org.topograd.picture.Graphviz;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

class TensorPictureTest {
    /**
     * A = [[1, 2]], w = [3, 4]; z = A @ w = [11]; out = sum(z * z) = 121. By hand: (z * z).grad = [1],
     * z.grad = 2 z = [22], A.grad = z.grad wᵀ = [[66, 88]], w.grad = Aᵀ z.grad = [22, 44].
     */
    private static final TensorGraph GRAPH;
    private static final TensorEngine.Evaluation AT;

    static {
        TensorGraph.Builder b = TensorGraph.builder();
        int a = b.input("A", Shape.of(1, 2));
        int w = b.input("w", Shape.of(2));
        int z = b.name(b.binary(TensorOp.MATMUL, a, w, "A @ w"), "z");
        int out = b.name(b.unary(TensorOp.SUM, b.binary(TensorOp.MUL, z, z, "z * z"), "sum(z * z)"), "out");
        GRAPH = b.build(out);
        AT = TensorEngine.evaluate(GRAPH, List.of(NDArray.matrix(new double[][] {{1, 2}}), NDArray.vector(3, 4)));
    }

    private static TensorPicture.Scene scene(TensorPicture.Student student) {
        return new TensorPicture.Scene("t", GRAPH, AT.order(), AT.values(), AT.grads(), student, Tolerance.DEFAULT);
    }

    private static String grid(String... rows) {
        StringBuilder t = new StringBuilder("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
        for (String row : rows) {
            t.append("<TR>");
            for (String cell : row.split(" ")) {
                t.append("<TD ALIGN=\"RIGHT\">").append(cell.startsWith("!")
                        ? "<FONT COLOR=\"#cc0000\"><B>" + cell.substring(1) + "</B></FONT>" : cell).append("</TD>");
            }
            t.append("</TR>");
        }
        return t.append("</TABLE>").toString();
    }

    private static final String CARD = "<TABLE BORDER=\"1\" COLOR=\"#333333\" CELLBORDER=\"1\" CELLSPACING=\"0\""
            + " CELLPADDING=\"3\" BGCOLOR=";
    private static final String ROW = "<TR><TD ALIGN=\"LEFT\">";
    private static final String NUM = "</TD><TD ALIGN=\"RIGHT\">";
    private static final String END = "</TD></TR>";

    @Test
    void eachNodeHasItsOpItsShapeAndItsNumbersInFull() {
        String grey = "  <FONT COLOR=\"#666666\">";
        assertEquals("digraph topograd {\n"
                + "  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=14, label=\"t\"];\n"
                + "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];\n"
                + "  edge [color=\"#555555\", arrowsize=0.7];\n"
                + "  n0 [label=<" + CARD + "\"#eef3fb\"><TR><TD COLSPAN=\"2\"><B>A</B> <I>input</I>" + grey
                + "[1, 2]</FONT>" + END
                + ROW + "value" + NUM + grid("1 2") + END + ROW + "grad" + NUM + grid("66 88") + END + "</TABLE>>];\n"
                + "  n1 [label=<" + CARD + "\"#eef3fb\"><TR><TD COLSPAN=\"2\"><B>w</B> <I>input</I>" + grey
                + "[2]</FONT>" + END
                + ROW + "value" + NUM + grid("3 4") + END + ROW + "grad" + NUM + grid("22 44") + END + "</TABLE>>];\n"
                + "  n2 [label=<" + CARD + "\"#ffffff\"><TR><TD COLSPAN=\"2\"><B>z</B> = A @ w" + grey + "[1]</FONT>"
                + grey + "matmul</FONT>" + END
                + ROW + "value" + NUM + grid("11") + END + ROW + "grad" + NUM + grid("22") + END + "</TABLE>>];\n"
                + "  n3 [label=<" + CARD + "\"#ffffff\"><TR><TD COLSPAN=\"2\">z * z" + grey + "[1]</FONT>"
                + grey + "mul</FONT>" + END
                + ROW + "value" + NUM + grid("121") + END + ROW + "grad" + NUM + grid("1") + END + "</TABLE>>];\n"
                + "  n4 [label=<" + CARD + "\"#ffffff\"><TR><TD COLSPAN=\"2\"><B>out</B> = sum(z * z)" + grey
                + "[]</FONT>" + grey + "sum</FONT>" + END
                + ROW + "value" + NUM + "121" + END + ROW + "grad" + NUM + "1" + END + "</TABLE>>];\n"
                + "  n0 -> n2;\n  n1 -> n2;\n  n2 -> n3;\n  n2 -> n3;\n  n3 -> n4;\n}\n",
                TensorPicture.dot(scene(null)));
    }

    @Test
    void aStudentsWrongElementsAreMarkedAndNamed() {
        NDArray[] grads = AT.grads().clone();
        grads[1] = NDArray.vector(22, 45); // w.grad[1] off by one
        grads[0] = NDArray.matrix(new double[][] {{66 * 2, 88 * 2}}); // every element of A.grad doubled
        String dot = TensorPicture.dot(scene(new TensorPicture.Student(AT.values(), grads, null)));
        assertEquals(true, dot.contains(ROW + "grad" + NUM + grid("22 44") + "</TD><TD ALIGN=\"RIGHT\" BGCOLOR=\"#f4c7c3\">"
                + grid("22 !45") + END), dot);
        assertEquals(true, dot.contains("  n1 [label=<<TABLE BORDER=\"2\" COLOR=\"#cc0000\""), dot);
        assertEquals(true, dot.contains(ROW + "grad" + NUM + grid("22") + "</TD><TD ALIGN=\"RIGHT\" BGCOLOR=\"#d9ead3\">"
                + grid("22") + END), dot);
        assertEquals(List.of(
                "A.grad[0, 0] is 132, expected 66, and so is its other element",
                "w.grad[1] is 45, expected 44"),
                TensorPicture.wrong(scene(new TensorPicture.Student(AT.values(), grads, null))));
    }

    /** Past {@link TensorCells#SHOWN} elements: the range, the first few, and how many are wrong where. */
    @Test
    void aBigTensorIsSummarised() {
        double[] got = new double[20]; // 0, 1, ..., 19 in a [4, 5]
        for (int i = 0; i < got.length; i++) {
            got[i] = i;
        }
        got[7] = Double.NaN;
        NDArray x = NDArray.of(got, 4, 5);
        assertEquals("min 0, max 19, 1 NaN<BR/>0, 1, 2, 3, …", TensorCells.cell(x));
        assertEquals("min 0, max 19, 1 NaN<BR/>0, 1, 2, 3, …<BR/><FONT COLOR=\"#cc0000\"><B>5 of 20 wrong: [0, 3],"
                + " [1, 2], [1, 3], [1, 4], …</B></FONT>", TensorCells.cell(x, List.of(3, 7, 8, 9, 12)));
        assertEquals(List.of(3, 7), TensorCells.wrong(NDArray.of(got, 4, 5).map(v -> v == 3 ? 3.5 : v),
                NDArray.of(got, 4, 5).map(v -> Double.isNaN(v) ? 0 : v), Tolerance.DEFAULT),
                "a NaN is wrong, as grading judges it");
        // At the cap, still in full: a 3 x 4 matrix is 12 elements.
        assertEquals(true, TensorCells.cell(NDArray.zeros(3, 4)).startsWith("<TABLE"));
        assertEquals(true, TensorCells.cell(NDArray.zeros(13)).startsWith("min 0, max 0<BR/>0, 0, 0, 0, …"));
        assertEquals("0.3333333333", TensorCells.cell(NDArray.scalar(1.0 / 3)), "rounded as the scalar picture rounds");
    }

    /** Graphviz reads the nested tables, the marks and a summary's line breaks without a word. */
    @Test
    void dotReadsATensorPicture(@TempDir Path dir) throws Exception {
        Optional<Path> dot = Graphviz.find();
        assumeTrue(dot.isPresent(), "graphviz is not installed (apt-get install graphviz)");
        TensorGraph.Builder b = TensorGraph.builder();
        int m = b.input("M", Shape.of(4, 5));
        int out = b.name(b.unary(TensorOp.SUM, b.binary(TensorOp.MUL, m, m, "M * M"), "sum(M * M)"), "out");
        TensorGraph graph = b.build(out);
        NDArray x = NDArray.zeros(4, 5).map(v -> 0.5);
        TensorEngine.Evaluation at = TensorEngine.evaluate(graph, List.of(x));
        NDArray[] grads = at.grads().clone();
        grads[m] = grads[m].map(v -> Double.NaN);
        String text = TensorPicture.dot(new TensorPicture.Scene("M", graph, at.order(), at.values(), at.grads(),
                new TensorPicture.Student(at.values(), grads, null), Tolerance.DEFAULT));
        assertTrue(text.contains("20 of 20 wrong"), text);
        Path in = Files.writeString(dir.resolve("m.dot"), text, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(dot.get().toString(), "-Tsvg", "-o", dir.resolve("m.svg").toString(),
                in.toString()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("", Files.readString(dir.resolve("err.txt")), "dot's messages");
        assertEquals(0, p.exitValue());
        assertTrue(Files.readString(dir.resolve("m.svg")).contains(">20 of 20 wrong: [0, 0], [0, 1], [0, 2], [0, 3],"));
    }

    @Test
    void aNodeIsListedWithItsShape() {
        assertEquals("A  input  [1, 2]", TensorPicture.line(GRAPH, 0));
        assertEquals("z = A @ w  [1]", TensorPicture.line(GRAPH, 2));
        assertEquals("out = sum(z * z)  []", TensorPicture.line(GRAPH, 4));
    }
}
