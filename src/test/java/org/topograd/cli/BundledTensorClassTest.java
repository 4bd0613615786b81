package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled tensor assignment ({@code tensors/specs}, {@code tensors/submissions}) graded by
 * {@code grade} as the README shows it: the summary and every scorecard are byte for byte the
 * reviewed copies in {@code src/test/resources/golden-tensors} (the sandbox's name aside). The model
 * solution gets full marks; each copy with one classic mistake loses exactly the checks its mistake
 * touches, in words that name the node, the element and, where the numbers tell, the backward() at
 * fault. ({@link TensorGradingTest} holds smaller fixtures to the same standard, hostile ones included.)
 */
class BundledTensorClassTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden-tensors");

    @Test
    void theReportsAreTheReviewedOnes(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path reports = dir.resolve("reports");
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--specs", "tensors/specs",
                "--submissions", "tensors/submissions", "--reports", reports.toString(), "--jobs", "2");
        assertEquals(ExitCodes.OK, status, out + "" + err);
        assertEquals(golden("summary.csv"), BundledClassTest.sandboxFree(Files.readString(reports.resolve(
                "summary.csv"))));
        List<String> students;
        try (Stream<Path> cards = Files.list(GOLDEN.resolve("scorecards"))) {
            students = cards.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> cards = Files.list(reports.resolve("scorecards"))) {
            assertEquals(students, cards.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .sorted().toList());
        }
        for (String card : students) {
            assertEquals(golden("scorecards/" + card), BundledClassTest.sandboxFree(Files.readString(
                    reports.resolve("scorecards/" + card))), card);
        }
    }

    private static String golden(String file) throws IOException {
        return BundledClassTest.sandboxFree(Files.readString(GOLDEN.resolve(file)));
    }
}
