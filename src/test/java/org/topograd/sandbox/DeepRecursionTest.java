package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;
import org.topograd.cli.Main;
import org.topograd.report.Scorecard;

/**
 * The student thread's stack is deep enough for the lecture's recursive topological sort of a
 * chain of 100,000 nodes (the hostile base's {@code Topo} is that recursion), though it is kept
 * small enough that a recursion that never ends fails fast (HostileSubmissionsTest's
 * {@code unbounded-recursion}).
 */
class DeepRecursionTest {
    @TempDir
    Path root;

    @Test
    void aRecursiveTraversalOfAHundredThousandNodesPasses() throws Exception {
        Path specs = Files.createDirectories(root.resolve("specs"));
        Files.writeString(specs.resolve("long.yaml"), """
                title: 100,000 nested sin
                inputs: {x: 0.3}
                generate: {shape: chain, op: sin, length: 100000}
                """);
        Folders.copyTree(PlainSandboxTest.FIXTURES.resolve("base"), root.resolve("submissions/recursive"));
        StringWriter out = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(out), "grade", "--specs", specs.toString(),
                "--submissions", root.resolve("submissions").toString(), "--reports", root.resolve("reports").toString());
        assertEquals(0, status, out.toString());
        for (Scorecard.Row row : Scorecard.read(root.resolve("reports/scorecards/recursive.csv"))) {
            assertEquals("pass", row.status(), row.toString());
        }
    }
}
