package org.topograd.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.engine.ReferenceEngine;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

class GraphPictureTest {
    /** Names with every character that means something to DOT, to XML, or to Graphviz's label escapes. */
    private static final String NASTY = "x\"<&>'\\N\\n]; }";

    private static GraphPicture.Scene scene(GraphPicture.Student student) {
        Graph.Builder b = Graph.builder();
        int x = b.input(NASTY);
        int c = b.input("c");
        int p = b.name(b.power(x, 3, null), "p \"cubed\"");
        int y = b.name(b.binary(Op.MUL, p, c, null), "y");
        Graph graph = b.build(y);
        int[] order = ReferenceEngine.topologicalOrder(graph);
        double[] values = ReferenceEngine.forward(graph, order, new double[] {3, 2});
        double[] grads = ReferenceEngine.backward(graph, order, values, 1);
        return new GraphPicture.Scene("title with \"quotes\", a back\\slash\nand a line break", graph, order, values,
                grads, student, Tolerance.DEFAULT);
    }

    /** The SVG dot makes of the text, failing on any message dot prints (a syntax error, an unknown entity). */
    private static String render(String dotText, Path dir) throws IOException, InterruptedException {
        Optional<Path> dot = Graphviz.find();
        assumeTrue(dot.isPresent(), "graphviz is not installed (apt-get install graphviz)");
        Path in = dir.resolve("g.dot");
        Files.writeString(in, dotText, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(dot.get().toString(), "-Tsvg", in.toString())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("", Files.readString(dir.resolve("err.txt")), "dot's messages");
        assertEquals(0, p.exitValue());
        return svg;
    }

    @Test
    void theDotParsesWhateverTheNamesAre(@TempDir Path dir) throws Exception {
        String svg = render(GraphPicture.dot(scene(null)), dir);
        // Each name comes out as written: SVG escapes it again, as XML.
        assertTrue(svg.contains(">x&quot;&lt;&amp;&gt;&#39;\\N\\n]; }</text>"), svg);
        assertTrue(svg.contains(">title with &quot;quotes&quot;, a back\\slash</text>"), svg);
        assertTrue(svg.contains(">and a line break</text>"), svg);
        assertTrue(svg.contains(">p &quot;cubed&quot;</text>"), svg);
        assertTrue(svg.contains(">54<"), "dy/dx = 3 x^2 c = 54 is drawn: " + svg);
    }

    @Test
    void aStudentsWrongNumbersAreRedBesideTheWantedOnes(@TempDir Path dir) throws Exception {
        GraphPicture.Scene right = scene(null);
        double[] grads = right.grads().clone();
        grads[0] = 162; // the power rule's n * x^n
        GraphPicture.Student student = new GraphPicture.Student(right.values(), grads, null);
        String dot = GraphPicture.dot(scene(student));
        assertTrue(dot.contains("<TR><TD ALIGN=\"LEFT\">grad</TD><TD ALIGN=\"RIGHT\">54</TD><TD ALIGN=\"RIGHT\" BGCOLOR=\""
                + GraphPicture.WRONG + "\">162</TD></TR>"), dot);
        assertTrue(dot.contains("<TR><TD ALIGN=\"LEFT\">grad</TD><TD ALIGN=\"RIGHT\">27</TD><TD ALIGN=\"RIGHT\" BGCOLOR=\""
                + GraphPicture.RIGHT + "\">27</TD></TR>"), dot);
        assertTrue(dot.contains("n0 [label=<<TABLE BORDER=\"2\" COLOR=\"" + GraphPicture.WRONG_BORDER + "\""), dot);
        assertEquals(dot, GraphPicture.dot(scene(student)), "the same numbers give the same text");
        render(dot, dir);
    }

    @Test
    void quotingEscapesWhatDotAndXmlGiveMeaningTo() {
        assertEquals("\"a\\\"b\\\\c\\nd\"", Dot.quote("a\"b\\c\nd"));
        assertEquals("&lt;b&gt;&amp;&quot;&#39; x\\\\N", Dot.html("<b>&\"'\u0007x\\N"));
    }
}
