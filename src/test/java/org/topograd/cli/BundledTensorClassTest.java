package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * fault, and the classic mistake its numbers (or the shape it leaves) match. ({@link TensorGradingTest}
 * holds smaller fixtures to the same standard, hostile ones included.) Regenerate the reviewed copies
 * with {@code -Dtopograd.golden.update=true}, then review the diff.
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
        if (Boolean.getBoolean("topograd.golden.update")) {
            Files.copy(reports.resolve("summary.csv"), GOLDEN.resolve("summary.csv"),
                    StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> cards = Files.list(reports.resolve("scorecards"))) {
                for (Path card : cards.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Files.copy(card, GOLDEN.resolve("scorecards").resolve(card.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
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
