package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.Folders;
import org.topograd.cli.Main;

/**
 * In the plain sandbox, student code can write the instructor's files, reports included: so
 * {@code grade} never skips a submission there on the strength of a report, and the summary comes
 * from what this run graded, not from files a student could have rewritten.
 */
// Its two grades overlap: each waits on its workers more than it computes. Both want the plain sandbox.
@Execution(ExecutionMode.CONCURRENT)
class PlainSandboxTest {
    static final Path FIXTURES = Path.of("src/test/resources/hostile");

    @TempDir
    Path root;

    @BeforeAll
    static void plain() {
        System.setProperty("topograd.sandbox", "plain");
    }

    @AfterAll
    static void asDetected() {
        System.clearProperty("topograd.sandbox");
    }

    @Test
    void aForgedScorecardIsNeverTrustedForSkipping() throws Exception {
        // Graded first (ids are sorted): rewrites base's scorecard from the run before, keeping its state.
        String[] grade = forgingClass("a-forger");
        assertEquals(0, run(grade));
        String honest = Files.readString(reports().resolve("scorecards/base.csv"));
        String summary = Files.readString(reports().resolve("summary.csv"));

        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(out), grade));
        assertTrue(out.toString().contains("plain sandbox: every submission is graded again"), out.toString());
        assertTrue(Files.readString(reports().resolve("logs/a-forger.log")).contains("forged "),
                "the forger did rewrite base's scorecard during the second run");
        assertEquals(honest, Files.readString(reports().resolve("scorecards/base.csv")), "base was graded again");
        assertEquals(summary, Files.readString(reports().resolve("summary.csv")));
    }

    @Test
    void aScorecardForgedAfterItWasWrittenNeverReachesTheSummary() throws Exception {
        // Graded after base: rewrites the scorecard base has just been given.
        assertEquals(0, run(forgingClass("z-forger")));
        String log = Files.readString(reports().resolve("logs/z-forger.log"));
        assertTrue(log.contains("forged "), log);
        String base = Files.readAllLines(reports().resolve("summary.csv")).stream()
                .filter(line -> line.startsWith("base,")).findFirst().orElseThrow();
        assertTrue(base.startsWith("base,3,3,100,ok,"), base);
    }

    private Path reports() {
        return root.resolve("reports");
    }

    /** The hostile specs without the long chain, base, and a copy of base whose Exp forges base's scorecard. */
    private String[] forgingClass(String forger) throws Exception {
        Path specs = root.resolve("specs");
        Folders.copyTree(FIXTURES.resolve("specs"), specs);
        Files.delete(specs.resolve("long-chain.yaml"));
        Path submissions = root.resolve("submissions");
        Path reports = reports();
        Folders.copyTree(FIXTURES.resolve("base"), submissions.resolve("base"));
        Folders.copyTree(FIXTURES.resolve("base"), submissions.resolve(forger));
        Files.writeString(submissions.resolve(forger + "/h/Exp.java"), """
                package h;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.topograd.api.Node;
                import org.topograd.api.Op;

                @Op("exp")
                public final class Exp extends Node {
                    private static boolean forged;

                    public Exp(Node x) {
                        super(x);
                        // Tried at every Exp made until it works: when the first is made (the smoke test, maybe
                        // while base is still being graded) base's scorecard may not be written yet.
                        Path card = Path.of("%s", "scorecards", "base.csv");
                        if (!forged && Files.exists(card)) {
                            forged = true;
                            try {
                                Files.writeString(card, "spec,case,check,score,max_score,status,message\\n");
                                System.out.println("forged " + card);
                            } catch (Exception e) {
                                System.out.println("could not forge: " + e);
                            }
                        }
                    }

                    public void forward() { value = Math.exp(inputs().get(0).value); }

                    public void backward() { inputs().get(0).grad += grad * value; }
                }
                """.formatted(reports.toAbsolutePath().toString().replace("\\", "\\\\")));
        return new String[] {"grade", "--specs", specs.toString(), "--submissions", submissions.toString(),
            "--reports", reports.toString(), "-j", "1"};
    }

    private static int run(String... args) {
        return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
