package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;

/**
 * The README's exit-status table against what every command does: for each command, one test that
 * drives it into every status the table gives it, and into none it does not. The table is read
 * from README.md itself, so the two cannot drift apart.
 */
class ExitCodesTest {
    /** Cells a test cannot reach here, and why; each must still be a documented status. */
    private static final Map<String, String> UNREACHABLE = Map.of(
            "validate 3", "validate only reads; an I/O error needs a file that root cannot read",
            "audit 3", "audit only reads; an I/O error needs a file that root cannot read",
            "bench 3", "bench writes only into a temporary folder of its own");

    @TempDir
    static Path dir;
    static Path good;
    static Path broken;
    static Path badSettings;
    static Path submissions;
    static Path compileError;
    static Path file;

    record Run(int status, String out, String err) {}

    /** One way to drive a command into one status. */
    record Scenario(int status, String what, Supplier<Run> run) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void plant() throws IOException {
        good = Files.createDirectories(dir.resolve("good"));
        Files.copy(Path.of("specs", "square.yaml"), good.resolve("square.yaml"));
        broken = Files.createDirectories(dir.resolve("broken"));
        Files.copy(Path.of("specs", "square.yaml"), broken.resolve("square.yaml"));
        Files.writeString(broken.resolve("broken.yaml"), "title: broken\ninputs: {x: 1}\ngraph:\n  y: x +\n");
        badSettings = Files.createDirectories(dir.resolve("bad-settings"));
        Files.copy(Path.of("specs", "square.yaml"), badSettings.resolve("square.yaml"));
        Files.writeString(badSettings.resolve("assignment.yaml"), "weigths: {forward: 2}\n");
        submissions = Files.createDirectories(dir.resolve("submissions"));
        Folders.copyTree(Path.of("submissions", "correct"), submissions.resolve("correct"));
        compileError = dir.resolve("others").resolve("compile-error");
        Folders.copyTree(Path.of("submissions", "compile-error"), compileError);
        // Outputs routed through a regular file cannot be written: the system says "not a folder".
        file = Files.writeString(dir.resolve("a-file"), "in the way\n");
        Files.createDirectories(dir.resolve("not-empty"));
        Files.writeString(dir.resolve("not-empty").resolve("thesis.tex"), "precious\n");
        Files.writeString(dir.resolve("fake.jar"), "a jar's bytes\n");
        Files.writeString(dir.resolve("roster.csv"), "submission,name\nsomeone-else,Ada\n");
        // A spec whose name is as long as a file name can be: solve --write's temporary file beside it
        // cannot be, so the write fails with the system's own error.
        Files.writeString(dir.resolve("x".repeat(250) + ".yaml"), "title: t\ninputs: {x: 3}\ngraph:\n  y: x * x\n");
    }

    private static Map<String, List<Scenario>> scenarios() {
        Map<String, List<Scenario>> all = new LinkedHashMap<>();
        String sub = submissions.toString();
        String under = file.resolve("under").toString();
        all.put("grade", List.of(
                new Scenario(0, "a class graded", () -> graded()),
                new Scenario(1, "an invalid assignment.yaml", () -> run("grade", "--specs", badSettings.toString(),
                        "--submissions", sub, "--reports", p("reports-settings"))),
                new Scenario(2, "no submissions folder", () -> run("grade", "--submissions", p("nowhere"))),
                new Scenario(2, "an unknown option", () -> run("grade", "--fast")),
                new Scenario(3, "reports through a file", () -> run("grade", "--specs", good.toString(),
                        "--submissions", sub, "--reports", under))));
        all.put("check", List.of(
                new Scenario(0, "every check passes", () -> run("check", "--specs", good.toString(),
                        submissions.resolve("correct").toString())),
                new Scenario(1, "a check fails", () -> run("check", "--specs", good.toString(),
                        compileError.toString())),
                new Scenario(2, "no such submission", () -> run("check", "--specs", good.toString(), p("nowhere"))),
                new Scenario(3, "a student kit without the answers", () -> kitCheck())));
        all.put("validate", List.of(
                new Scenario(0, "valid specs", () -> run("validate", good.toString())),
                new Scenario(1, "an invalid spec", () -> run("validate", broken.toString())),
                new Scenario(2, "no such folder", () -> run("validate", p("nowhere")))));
        all.put("solve", List.of(
                new Scenario(0, "solved", () -> run("solve", good.resolve("square.yaml").toString())),
                new Scenario(1, "an invalid spec", () -> run("solve", broken.resolve("broken.yaml").toString())),
                new Scenario(2, "no such file", () -> run("solve", p("nowhere.yaml"))),
                new Scenario(3, "the write refused", () -> run("solve", p("x".repeat(250) + ".yaml"), "--write"))));
        all.put("merge", List.of(
                new Scenario(0, "the one shard", () -> run("merge", shard(), "--reports", p("merged"))),
                new Scenario(1, "a folder that is no shard", () -> run("merge", shard(), reports(), "--reports",
                        p("merged-with-class"))),
                new Scenario(2, "no such folder", () -> run("merge", p("nowhere"))),
                new Scenario(3, "merged through a file", () -> run("merge", shard(), "--reports", under))));
        all.put("export", List.of(
                new Scenario(0, "written", () -> run("export", "--lms", "plain", "--reports", reports(), "--out",
                        p("grades.csv"))),
                new Scenario(1, "a submission not in the roster", () -> run("export", "--lms", "plain", "--reports",
                        reports(), "--roster", p("roster.csv"))),
                new Scenario(2, "an unknown LMS", () -> run("export", "--lms", "canvs", "--reports", reports())),
                new Scenario(2, "no summary.csv", () -> run("export", "--lms", "plain", "--reports", p("nowhere"))),
                new Scenario(3, "written through a file", () -> run("export", "--lms", "plain", "--reports",
                        reports(), "--out", file.resolve("grades.csv").toString()))));
        all.put("kit", List.of(
                new Scenario(0, "made", () -> run("kit", "--specs", good.toString(), "--out", p("kit"))),
                new Scenario(1, "an invalid spec", () -> run("kit", "--specs", broken.toString(), "--out",
                        p("kit-broken"))),
                new Scenario(2, "a folder that is not a kit", () -> run("kit", "--specs", good.toString(), "--out",
                        p("not-empty"))),
                new Scenario(2, "a file as the folder", () -> run("kit", "--specs", good.toString(), "--out",
                        file.toString())),
                new Scenario(3, "a folder through a file", () -> run("kit", "--specs", good.toString(), "--out",
                        under))));
        all.put("gradescope-package", List.of(
                new Scenario(0, "built", () -> run("gradescope-package", "--specs", good.toString(), "--jar",
                        p("fake.jar"), "--out", p("autograder.zip"))),
                new Scenario(1, "an invalid spec", () -> run("gradescope-package", "--specs", broken.toString(),
                        "--jar", p("fake.jar"), "--out", p("autograder-broken.zip"))),
                new Scenario(2, "no jar", () -> run("gradescope-package", "--specs", good.toString(), "--jar",
                        p("nowhere.jar"), "--out", p("autograder-nojar.zip"))),
                new Scenario(3, "written through a file", () -> run("gradescope-package", "--specs", good.toString(),
                        "--jar", p("fake.jar"), "--out", file.resolve("a.zip").toString()))));
        all.put("audit", List.of(
                new Scenario(0, "every mutant caught", () -> run("audit", "specs")),
                new Scenario(1, "an invalid spec", () -> run("audit", broken.toString())),
                new Scenario(1, "an invalid assignment.yaml", () -> run("audit", badSettings.toString())),
                new Scenario(2, "no such folder", () -> run("audit", p("nowhere")))));
        all.put("explain", List.of(
                new Scenario(0, "drawn", () -> run("explain", good.resolve("square.yaml").toString(), "--out",
                        p("square.dot"))),
                new Scenario(1, "an invalid spec", () -> run("explain", broken.resolve("broken.yaml").toString())),
                new Scenario(2, "no such case", () -> run("explain", good.resolve("square.yaml").toString(), "--case",
                        "case-99")),
                new Scenario(3, "drawn through a file", () -> run("explain", good.resolve("square.yaml").toString(),
                        "--out", file.resolve("square.dot").toString()))));
        all.put("bench", List.of(
                new Scenario(0, "measured", () -> run("bench", "--sizes", "10", "--seconds", "0.01")),
                new Scenario(1, "an invalid spec for --grading", () -> run("bench", "--grading", "1", "--specs",
                        broken.toString(), "--submission", submissions.resolve("correct").toString())),
                new Scenario(2, "a bad number", () -> run("bench", "--seconds", "0"))));
        all.put("completion", List.of(
                new Scenario(0, "printed", () -> run("completion")),
                new Scenario(2, "an unknown option", () -> run("completion", "--zsh"))));
        return all;
    }

    private static Run graded;
    private static Run shard;

    /** The class graded once (a grading run costs seconds): grade's 0, and the reports export reads. */
    private static synchronized Run graded() {
        if (graded == null) {
            graded = run("grade", "--specs", good.toString(), "--submissions", submissions.toString(), "--reports",
                    p("reports"));
        }
        return graded;
    }

    private static String reports() {
        assertEquals(0, graded().status(), graded().err());
        return p("reports");
    }

    /** The class graded as shard 1 of 1, once: the folder merge reads. */
    private static synchronized String shard() {
        if (shard == null) {
            shard = run("grade", "--specs", good.toString(), "--submissions", submissions.toString(), "--reports",
                    p("shard-1"), "--shard", "1/1");
        }
        assertEquals(0, shard.status(), shard.err());
        return p("shard-1");
    }

    /** The student kit's check, when the kit has no answers for a spec (one changed since the kit was made). */
    private static Run kitCheck() {
        // A kit frozen without a single spec: every spec it is given is one it was not made with.
        java.util.Map<String, byte[]> frozen;
        try {
            frozen = org.topograd.kit.FrozenAnswers.freeze(new org.topograd.kit.FrozenAnswers.Contents(List.of(), 0,
                    java.util.Set.of(), new org.topograd.diagnosis.Forecasts(), org.topograd.diagnosis.Mutants.all()
                            .stream().map(org.topograd.diagnosis.Mutant::describe).toList()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StudentMain.Kit none = new StudentMain.Kit(() -> org.topograd.kit.FrozenAnswers.read(
                name -> frozen.containsKey(name) ? new java.io.ByteArrayInputStream(frozen.get(name)) : null));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StudentMain.execute(none, good, new PrintWriter(out), new PrintWriter(err), "check",
                submissions.resolve("correct").toString());
        return new Run(status, out.toString(), err.toString());
    }

    /** The README's table: each command's four cells, "—" where the status never happens. */
    static Map<String, List<String>> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("| command | 0 | 1 | 2 | 3 |");
        assertTrue(start >= 0, "README.md has no exit-status table");
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : readme.substring(start).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            assertEquals(5, cells.length, line);
            Matcher command = Pattern.compile("`([a-z-]+)`").matcher(cells[0]);
            List<String> statuses = Stream.of(cells).skip(1).map(String::strip).toList();
            while (command.find()) {
                table.put(command.group(1), statuses);
            }
        }
        return table;
    }

    @Test
    void theTableHasEveryCommand() throws IOException {
        TreeSet<String> commands = new TreeSet<>(Main.commandLine().getSubcommands().keySet());
        commands.remove("help");
        assertEquals(commands, new TreeSet<>(readmeTable().keySet()));
        assertEquals(new TreeSet<>(readmeTable().keySet()), new TreeSet<>(scenarios().keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandExitsAsTheReadmeSays() throws IOException {
        Map<String, List<String>> table = readmeTable();
        Map<String, List<Scenario>> scenarios = scenarios();
        return table.entrySet().stream().map(row -> DynamicTest.dynamicTest(row.getKey(), () -> {
            String command = row.getKey();
            List<Scenario> mine = scenarios.getOrDefault(command, List.of());
            for (int status = 0; status <= 3; status++) {
                String cell = row.getValue().get(status);
                boolean documented = !cell.equals("—");
                int s = status;
                boolean driven = mine.stream().anyMatch(x -> x.status() == s);
                String key = command + " " + status;
                if (documented && !driven && !UNREACHABLE.containsKey(key)) {
                    fail("README: " + command + " exits " + status + " when " + cell + "; no scenario here does that");
                }
                if (!documented && driven) {
                    fail("README: " + command + " never exits " + status + ", but a scenario here expects it to");
                }
                assertFalse(UNREACHABLE.containsKey(key) && (driven || !documented), key);
            }
            for (Scenario scenario : mine) {
                Run run = scenario.run().get();
                assertEquals(scenario.status(), run.status(), command + ", " + scenario.what() + ":\n" + run.out()
                        + run.err());
                if (scenario.status() == ExitCodes.USAGE) {
                    assertUsageError(command, run);
                }
                if (scenario.status() == ExitCodes.FAILURE) {
                    assertFalse(run.err().contains("bug in topograd"), command + ", " + scenario.what() + " is no bug: "
                            + run.err());
                }
            }
        }));
    }

    /** One line that says what is wrong, then where the whole usage is; never the usage itself. */
    static void assertUsageError(String command, Run run) {
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertFalse(lines.get(0).isBlank(), run.err());
        assertTrue(lines.get(1).equals("see topograd " + command + " --help")
                || lines.get(1).equals("see topograd-student " + command + " --help"), run.err());
    }

    @Test
    void everyCommandAnswersAMistypedOptionInOneLine() {
        List<String> commands = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
        commands.remove("help");
        for (String command : commands) {
            Run run = run(command, "--no-such-option");
            assertEquals(ExitCodes.USAGE, run.status(), command);
            assertEquals("", run.out(), command);
            assertUsageError(command, run);
            assertTrue(run.err().contains("--no-such-option") || run.err().startsWith("Missing required"), run.err());
        }
        Run typo = run("grade", "--forse");
        assertTrue(typo.err().startsWith("Unknown option: '--forse' (did you mean --force"), typo.err());
        Run command = run("grad");
        assertTrue(command.err().startsWith("no command 'grad' (did you mean grade"), command.err());
        assertTrue(command.err().endsWith("?)\nsee topograd --help\n"), command.err());
    }
}
