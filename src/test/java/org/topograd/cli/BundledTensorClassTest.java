package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled tensor assignment ({@code tensors/specs}, {@code tensors/submissions}) graded by
 * {@code grade} as the README shows it: the model solution gets full marks, and each copy with one
 * classic mistake loses points. (The rows each must fail are {@link TensorGradingTest}'s, on smaller
 * fixtures.)
 */
class BundledTensorClassTest {
    @Test
    void theModelSolutionGetsFullMarksAndEachMistakeLosesPoints(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path reports = dir.resolve("reports");
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--specs", "tensors/specs",
                "--submissions", "tensors/submissions", "--reports", reports.toString(), "--jobs", "2");
        assertEquals(ExitCodes.OK, status, out + "" + err);
        List<String> summary = Files.readAllLines(reports.resolve("summary.csv")).stream()
                .map(row -> String.join(",", List.of(row.split(",")).subList(0, 5))).toList();
        assertEquals(List.of("student,score,max_score,percent,status",
                "assign-instead-of-accumulate,62,80,77.5,ok",
                "broadcast-not-summed,56,80,70,ok",
                "correct,80,80,100,ok",
                "cross-entropy-not-averaged,62,80,77.5,ok",
                "matmul-no-transpose,50,80,62.5,ok",
                "softmax-missing-outer,74,80,92.5,ok",
                "sum-axis-wrong-axis,74,80,92.5,ok"), summary);
    }
}
