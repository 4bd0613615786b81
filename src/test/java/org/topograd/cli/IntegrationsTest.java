package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.Folders;
import org.topograd.gradescope.ResultsSchema;
import picocli.CommandLine;

/**
 * The integrations end to end, in process: sharded grading and merge, Gradescope's results.json,
 * check --json, the JUnit report, the gradebook export, completion, and their usage errors. Four
 * submissions and four specs keep the worker JVMs few.
 */
// After the single run, each test reads it and writes folders of its own; their grades overlap.
@Execution(ExecutionMode.CONCURRENT)
class IntegrationsTest {
    private static final List<String> SUBMISSIONS = List.of("correct", "sub-sign-error", "compile-error", "missing-ops");
    private static final List<String> SPECS = List.of("square", "topological-order", "logistic-loss", "normalize");

    @TempDir
    static Path dir;
    static Path specs;
    static Path submissions;
    static Run single;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void classAndSingleRun() throws IOException {
        specs = Files.createDirectories(dir.resolve("specs"));
        for (String id : SPECS) {
            Files.copy(Path.of("specs", id + ".yaml"), specs.resolve(id + ".yaml"));
        }
        Files.writeString(specs.resolve("assignment.yaml"), "gradescope: {hidden_visibility: hidden}\n");
        submissions = Files.createDirectories(dir.resolve("submissions"));
        for (String s : SUBMISSIONS) {
            Folders.copyTree(Path.of("submissions", s), submissions.resolve(s));
        }
        single = run("grade", "--specs", specs.toString(), "--submissions", submissions.toString(), "--reports",
                dir.resolve("single").toString(), "--junit", dir.resolve("junit.xml").toString(), "-j", "2");
        assertEquals(0, single.status(), single.err());
    }

    @Test
    void threeShardsMergedAreTheSingleRunByteForByte() throws IOException {
        for (int k = 1; k <= 3; k++) {
            Run shard = run("grade", "--specs", specs.toString(), "--submissions", submissions.toString(), "--reports",
                    dir.resolve("shard" + k).toString(), "--shard", k + "/3", "-j", "2");
            assertEquals(0, shard.status(), shard.err());
            assertTrue(shard.out().contains("shard:      " + k + "/3"), shard.out());
        }
        Run merge = run("merge", dir.resolve("shard3").toString(), dir.resolve("shard1").toString(),
                dir.resolve("shard2").toString(), "--reports", dir.resolve("merged").toString());
        assertEquals(0, merge.status(), merge.err());
        assertTrue(merge.out().startsWith("merged:     3 shards, 4 students"), merge.out());
        List<Path> files = files(dir.resolve("single"));
        assertEquals(files.stream().map(Path::toString).filter(f -> !f.startsWith("logs")).toList(),
                files(dir.resolve("merged")).stream().map(Path::toString).filter(f -> !f.startsWith("logs")).toList());
        for (Path file : files) {
            if (!file.startsWith("logs")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("single").resolve(file)),
                        Files.readAllBytes(dir.resolve("merged").resolve(file)), file.toString());
            }
        }
    }

    @Test
    void gradescopeResultsNeverShowAHiddenSpecsMessage() throws IOException {
        Path results = dir.resolve("results.json");
        Run run = run("grade", "--format", "gradescope", "--specs", specs.toString(), "--submission",
                submissions.resolve("sub-sign-error").toString(), "--out", results.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(), ResultsSchema.problems(Files.readString(results)), "Gradescope's format");
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        String summary = Files.readString(dir.resolve("single").resolve("summary.csv"));
        String score = summary.lines().filter(l -> l.startsWith("sub-sign-error,")).findFirst().orElseThrow()
                .split(",")[1];
        assertEquals(score, json.get("score").getAsBigDecimal().toPlainString());
        assertEquals(SPECS.size() * 5, json.getAsJsonArray("tests").size());
        String text = json.toString();
        List<String> hiddenMessages = Files.readAllLines(dir.resolve("single/scorecards/sub-sign-error.csv")).stream()
                .filter(l -> l.startsWith("normalize,") && l.contains(",fail,")).toList();
        assertFalse(hiddenMessages.isEmpty(), "sub-sign-error should fail the hidden normalize spec");
        for (String line : hiddenMessages) {
            String message = line.substring(line.indexOf(",fail,") + ",fail,".length()).replace("\"", "");
            assertFalse(text.contains(message.substring(0, Math.min(30, message.length()))), message);
        }
        for (JsonElement t : json.getAsJsonArray("tests")) {
            JsonObject test = t.getAsJsonObject();
            boolean hidden = test.get("name").getAsString().startsWith("normalize")
                    || test.get("name").getAsString().startsWith("logistic-loss");
            assertEquals(hidden ? "hidden" : "visible", test.get("visibility").getAsString(), test.toString());
        }
        assertTrue(text.contains("FAIL: u2.grad is 1, expected -1"), "visible failures are explained");
    }

    @Test
    void checkJsonForEditors() {
        Run run = run("check", "--json", "--specs", specs.toString(), submissions.resolve("correct").toString());
        assertEquals(0, run.status(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertTrue(json.get("all_passed").getAsBoolean());
        assertEquals(2, json.get("hidden_specs").getAsInt());
        assertEquals(2, json.getAsJsonArray("specs").size());
    }

    @Test
    void junitReportOfTheClass() throws IOException {
        String xml = Files.readString(dir.resolve("junit.xml"));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        assertTrue(xml.contains("<testsuite name=\"compile-error\""), xml);
        assertTrue(xml.contains("<failure type=\"not_run\""), xml);
        assertTrue(single.out().contains("junit:      "), single.out());
    }

    @Test
    void exportForCanvas() throws IOException {
        Run run = run("export", "--lms", "canvas", "--reports", dir.resolve("single").toString(), "--assignment",
                "HW 3");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,HW 3", lines.get(0));
        assertTrue(lines.get(1).startsWith("Points Possible,,,,,"), lines.get(1));
        assertEquals(2 + SUBMISSIONS.size(), lines.size());
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "submission,name\ncorrect,Ada\n");
        Run missing = run("export", "--lms", "moodle", "--reports", dir.resolve("single").toString(), "--roster",
                roster.toString());
        assertEquals(ExitCodes.FINDINGS, missing.status());
        assertTrue(missing.err().contains("submission 'compile-error' is not in " + roster), missing.err());
        Run typo = run("export", "--lms", "canvs", "--reports", dir.resolve("single").toString());
        assertEquals(ExitCodes.USAGE, typo.status());
        assertTrue(typo.err().contains("(did you mean 'canvas'?)"), typo.err());
    }

    @Test
    void usageErrorsSayWhatToDo() {
        Run noSubmission = run("grade", "--format", "gradescope", "--specs", specs.toString());
        assertEquals(ExitCodes.USAGE, noSubmission.status());
        assertTrue(noSubmission.err().contains("give it with --submission DIR"), noSubmission.err());
        Run format = run("grade", "--format", "gradescop");
        assertTrue(format.err().contains("(did you mean 'gradescope'?)"), format.err());
        Run shard = run("grade", "--shard", "0/3");
        assertEquals(ExitCodes.USAGE, shard.status());
        assertTrue(shard.err().contains("K counts from 1 to N"), shard.err());
        Run both = run("grade", "--shard", "1/3", "--only", "correct");
        assertTrue(both.err().contains("--shard and --only do not go together"), both.err());
        Run out = run("grade", "--out", "x.json");
        assertTrue(out.err().contains("--out is for --format gradescope"), out.err());
        Run merge = run("merge", dir.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, merge.status());
        Run noShard = run("merge", dir.resolve("single").toString(), "--reports", dir.resolve("m").toString());
        assertEquals(ExitCodes.FINDINGS, noShard.status());
        assertTrue(noShard.err().contains("has no shard.json"), noShard.err());
    }

    @Test
    void completionAndExitCodesInEveryHelp() {
        Run completion = run("completion");
        assertEquals(0, completion.status());
        assertTrue(completion.out().contains("complete -F"), completion.out());
        for (String command : List.of("grade", "gradescope-package", "kit", "merge", "export", "check")) {
            assertTrue(completion.out().contains(command), command);
        }
        CommandLine cli = Main.commandLine();
        for (String command : cli.getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            Run help = run(command, "--help");
            assertTrue(help.out().contains("Exit status: 0 all good; 1"), command + ": " + help.out());
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

}
