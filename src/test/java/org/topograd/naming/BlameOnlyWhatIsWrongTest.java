package org.topograd.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;
import org.topograd.cli.Main;

/**
 * With one class wrong, the diagnosis names that class and no other, even where the wrong gradient
 * flows into a node from a right class too: the op probes tell them apart.
 */
class BlameOnlyWhatIsWrongTest {
    @TempDir
    Path dir;

    @Test
    void onlyMulAssigningIsBlamedNotTheLogBesideIt() throws Exception {
        Path submission = dir.resolve("mul-assigns");
        Folders.copyTree(Path.of("submissions/correct"), submission);
        Path arithmetic = submission.resolve("src/backprop/ops/Arithmetic.java");
        String source = Files.readString(arithmetic);
        String mul = source.replace("            a.grad += grad * b.value;\n            b.grad += grad * a.value;",
                "            a.grad = grad * b.value;\n            b.grad = grad * a.value;");
        assertFalse(mul.equals(source), "the correct Mul changed shape; update this test");
        Files.writeString(arithmetic, mul);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), "check", submission.toString(),
                "--no-color");
        assertEquals(1, status, out + "\n" + err);
        List<String> diagnoses = out.toString().lines().filter(l -> l.contains("Likely bug")).toList();
        // topological-order: w is used by u1 = 3 * w (Mul, wrong) and u2 = log(w) (Log, right).
        assertTrue(diagnoses.stream().anyMatch(l -> l.contains("flows out of Mul.backward() at node u1.")),
                String.join("\n", diagnoses));
        for (String line : diagnoses) {
            for (String right : List.of("Add", "Sub", "Div", "Power", "Neg", "Exp", "Log", "Sqrt", "Sin", "Cos",
                    "Tanh", "Sigmoid", "Relu")) {
                assertFalse(line.contains(right + ".backward()"), right + " is right but blamed: " + line);
            }
        }
    }
}
