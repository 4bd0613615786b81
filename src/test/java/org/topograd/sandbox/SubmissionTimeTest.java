package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.Folders;
import org.topograd.cli.Main;
import org.topograd.report.Scorecard;

/**
 * A submission's time is the CPU time of its code and the time its code spends blocked, not the
 * wall clock: code that naps and code that computes both use it up, each check within its own
 * limit, and what is left of it does not depend on how busy the machine is (a busy machine holds
 * code back; it neither computes nor waits then, so nothing is charged).
 */
// Its grades overlap: one naps through its time, the others use theirs up on one core each.
@Execution(ExecutionMode.CONCURRENT)
class SubmissionTimeTest {
    @TempDir
    Path root;

    /** Each forward of exp naps 100 ms: far below the 3 s in which a check is taken for blocked. */
    @Test
    void codeThatNapsUsesUpTheSubmissionsTime() throws Exception {
        List<Scorecard.Row> card = grade("naps", "try { Thread.sleep(100); } catch (InterruptedException e) { return; }");
        assertUsedUp(card);
    }

    /** Each forward of exp computes for 100 ms of its thread's CPU time, far below the 2 s a check may use. */
    @Test
    void codeThatComputesUsesUpTheSubmissionsTime() throws Exception {
        List<Scorecard.Row> card = grade("computes", """
                java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                long end = cpu.getCurrentThreadCpuTime() + 100_000_000L;
                double v = 1;
                while (cpu.getCurrentThreadCpuTime() < end) {
                    v = Math.sin(v) + 1;
                }
                if (v == 0) {
                    throw new IllegalStateException();
                }
                """);
        assertUsedUp(card);
    }

    /**
     * The first case is graded in full and the last is not run, with the limit named; no check is
     * taken for blocked or stopped at its own CPU limit on the way.
     */
    private static void assertUsedUp(List<Scorecard.Row> card) {
        for (Scorecard.Row row : card) {
            if (row.caseName().equals("case-1")) {
                assertEquals("pass", row.status(), row.toString());
            }
            assertTrue(row.status().equals("pass") || row.message().contains("time limit of 4 s was used up"),
                    row.toString());
        }
        Scorecard.Row last = card.get(card.size() - 1);
        assertEquals("case-8", last.caseName());
        assertEquals("timeout", last.status(), last.toString());
    }

    /**
     * Code stopped a million calls deep (it recurses again whenever it overflows the stack, so it is
     * always deep): the worker reports where it was, from the top of the stack, instead of running
     * out of memory copying the whole stack, which ended it without a word.
     */
    @Test
    void codeStoppedDeepInARecursionIsReportedWithWhereItWas() throws Exception {
        List<Scorecard.Row> card = grade("recurses", "dive();\n    }\n\n    private void dive() {\n"
                + "        try { dive(); } catch (StackOverflowError e) { dive(); }", 1);
        Scorecard.Row classes = card.get(0);
        assertEquals("classes", classes.check(), classes.toString());
        assertTrue(classes.message().startsWith("op exp: did not finish within 1 s of CPU time; stopped in"),
                classes.message());
    }

    private List<Scorecard.Row> grade(String student, String slow) throws Exception {
        return grade(student, slow, 2);
    }

    /** Grades one student whose exp runs {@code slow} before it computes, with 4 s for the submission. */
    private List<Scorecard.Row> grade(String student, String slow, int caseCpuSeconds) throws Exception {
        Path specs = Files.createDirectories(root.resolve("specs"));
        Files.writeString(specs.resolve("assignment.yaml"), "limits: {case_cpu_seconds: " + caseCpuSeconds
                + ", submission_seconds: 4}\n");
        StringBuilder cases = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            cases.append("  - inputs: {x: 0.").append(i).append("}\n");
        }
        Files.writeString(specs.resolve("exps.yaml"), "title: exp, case after case\ninputs: {x: 0.5}\ngraph:\n"
                + "  y: exp(x)\ncases:\n" + cases);
        Path submission = root.resolve("submissions").resolve(student);
        Folders.copyTree(PlainSandboxTest.FIXTURES.resolve("base"), submission);
        Files.writeString(submission.resolve("h/Exp.java"), """
                package h;

                import org.topograd.api.Node;
                import org.topograd.api.Op;

                @Op("exp")
                public final class Exp extends Node {
                    public Exp(Node x) { super(x); }

                    public void forward() {
                        %s
                        value = Math.exp(inputs().get(0).value);
                    }

                    public void backward() { inputs().get(0).grad += grad * value; }
                }
                """.formatted(slow));
        Path reports = root.resolve("reports");
        StringWriter out = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(out), "grade", "--specs", specs.toString(),
                "--submissions", root.resolve("submissions").toString(), "--reports", reports.toString());
        assertEquals(0, status, out.toString());
        return Scorecard.read(reports.resolve("scorecards/" + student + ".csv"));
    }
}
