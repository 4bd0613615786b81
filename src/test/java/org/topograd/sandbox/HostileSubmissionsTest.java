package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.topograd.Folders;
import org.topograd.ReportFiles;
import org.topograd.cli.Main;

/**
 * Hostile and broken submissions, graded in one batch with a correct one: each attack (a fixture
 * under {@code src/test/resources/hostile/attacks}, laid over the correct solution in
 * {@code hostile/base}) must cost exactly the checks that use the attacked class, with a clear
 * message, and nothing else: not the other checks, not the other submissions, not a file outside
 * the sandbox, not a process left behind, not a hidden spec.
 */
class HostileSubmissionsTest {
    static final Path FIXTURES = Path.of("src/test/resources/hostile");
    /**
     * Attacks on the filesystem and the network: only bubblewrap stops them (the README says what the
     * plain sandbox leaves open), so without it they are skipped, and say so.
     */
    static final Set<String> NEED_BWRAP = Set.of("read-secrets", "write-outside", "forge-summary", "network",
            "fill-dev-shm");
    /**
     * Processes that leave the worker's session: stopped by bubblewrap's pid namespace or by a cgroup;
     * without either they outlive the worker (as the README says), so the attack is skipped.
     */
    static final Set<String> NEED_CONTAINMENT = Set.of("child-processes", "fork-bomb");
    /**
     * Bundled submissions graded in the same batch: none attacks, so each must score as if graded
     * alone. One that passes, one that fails checks and one that does not compile: every way an
     * honest result is reached, each a row an attack might disturb.
     */
    static final Path BUNDLED = Path.of("submissions");
    static final List<String> BUNDLED_HONEST = List.of("compile-error", "correct", "sub-sign-error");
    static final String SECRET = "SECRET-TITLE-7b3f";
    /** This run's own mark on everything an attack leaves, so that runs side by side never see each other's. */
    static final String TOKEN = String.format("%09d", new SecureRandom().nextInt(1_000_000_000));

    @TempDir
    static Path root;

    static boolean bwrap;
    static Optional<Cgroups> cgroups;
    static Path submissions;
    static Path reports;
    static Path alone;
    static String output;
    static int status;
    static Map<Path, String> before;
    static ServerSocketChannel listener;
    static Path work;
    static double seconds;
    static Map<String, String> first;
    static int secondStatus;
    static String secondOutput;
    static final List<String> ATTACKS = new ArrayList<>();
    static final List<String> HONEST = new ArrayList<>();

    static final String LANES = "4";

    @BeforeAll
    static void gradeTheHostileClass() throws IOException {
        Launcher launcher = Launcher.detect(); // as grading will (TOPOGRAD_SANDBOX=plain included)
        bwrap = launcher.level() == SandboxLevel.BWRAP;
        cgroups = launcher.cgroups();
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        listener.configureBlocking(false);
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("canary.txt"), "untouched");
        submissions = Files.createDirectories(root.resolve("class/submissions"));
        plant(submissions.resolve("base"), FIXTURES.resolve("base"));
        try (Stream<Path> attacks = Files.list(FIXTURES.resolve("attacks"))) {
            for (Path attack : attacks.sorted().toList()) {
                String name = attack.getFileName().toString();
                ATTACKS.add(name);
                if (skipped(name) == null) {
                    plant(submissions.resolve(name), FIXTURES.resolve("base"), attack);
                }
            }
        }
        Path specs = root.resolve("class/specs");
        Folders.copyTree(FIXTURES.resolve("specs"), specs);
        GeneratedAttacks.plant(submissions, specs);
        for (String honest : BUNDLED_HONEST) {
            HONEST.add("bundled-" + honest);
            Folders.copyTree(BUNDLED.resolve(honest), submissions.resolve("bundled-" + honest));
        }
        before = snapshot(root.resolve("class"), outside);
        reports = root.resolve("class/reports");
        work = Files.createDirectories(root.resolve("work"));
        System.setProperty("topograd.work", work.toString());
        try {
            // The honest students alone, graded beside the class: both mostly wait (see LANES).
            alone = root.resolve("alone");
            List<String> only = new ArrayList<>(List.of("grade", "--specs", specs.toString(), "--submissions",
                    submissions.toString(), "--reports", alone.toString(), "-j", LANES, "--only", "base"));
            only.addAll(HONEST);
            CompletableFuture<Integer> aloneGraded = CompletableFuture.supplyAsync(() -> Main.execute(
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), only.toArray(String[]::new)));
            long begin = System.nanoTime();
            StringWriter out = new StringWriter();
            // Four at once on any machine: most attacks wait (for a lock, a stalled channel, a limit) rather
            // than compute, so lanes overlap the waits; every limit counts CPU or blocked time, never the
            // wall clock, so the verdicts are those of one at a time.
            status = Main.execute(new PrintWriter(out), new PrintWriter(out), "grade", "--specs", specs.toString(),
                    "--submissions", submissions.toString(), "--reports", reports.toString(), "-j", LANES);
            output = out.toString();
            seconds = (System.nanoTime() - begin) / 1e9;
            first = ReportFiles.withoutLogs(reports);
            StringWriter again = new StringWriter();
            List<String> second = new ArrayList<>(List.of("grade", "--specs", specs.toString(), "--submissions",
                    submissions.toString(), "--reports", reports.toString(), "-j", LANES));
            if (!bwrap) {
                // The plain sandbox grades every student named again. Named: the base and each student
                // the first grade stopped somewhere (a limit, a deadline, a broken channel), whose
                // verdicts timing could change. The others fail or error the same way whenever they run;
                // grading them twice too cost this class a tenth more CPU (105 CPU-s against 95). An
                // attack whose cost depends on how its own threads interleave would score differently,
                // by its nature, so it is left out.
                second.add("--only");
                second.addAll(regradedInPlain());
            }
            secondStatus = Main.execute(new PrintWriter(again), new PrintWriter(again), second.toArray(String[]::new));
            secondOutput = again.toString();
            aloneGraded.join();
        } finally {
            System.clearProperty("topograd.work");
        }
    }

    @AfterAll
    static void closeListener() throws IOException {
        listener.close();
        org.topograd.Links.removeUnder(root);
    }

    /**
     * A submission made of the layers given, plus {@code h/Planted.java}: where this run keeps the
     * course and the decoys, its listening port and its token, as an attacker who knows the
     * instructor's layout would have them. Every search an attack makes is bounded to these, so
     * it costs the same however much is installed on the machine.
     */
    private static void plant(Path submission, Path... layers) throws IOException {
        for (Path layer : layers) {
            Folders.copyTree(layer, submission);
        }
        Files.writeString(submission.resolve("h/Planted.java"), String.join("\n",
                "package h;",
                "",
                "/** Written by HostileSubmissionsTest for this run. */",
                "final class Planted {",
                "    static final String CLASS_ROOT = " + javaString(root.resolve("class").toAbsolutePath()) + ";",
                "    static final String OUTSIDE = " + javaString(root.resolve("outside").toAbsolutePath()) + ";",
                "    static final int PORT = " + ((InetSocketAddress) listener.getLocalAddress()).getPort() + ";",
                "    static final String TOKEN = \"" + TOKEN + "\";",
                "",
                "    private Planted() {}",
                "}",
                ""));
    }

    private static String javaString(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Why an attack cannot be tried here, or null when it can. */
    static String skipped(String attack) {
        if (NEED_BWRAP.contains(attack) && !bwrap) {
            return attack + " needs bubblewrap (install the bubblewrap package): the plain sandbox leaves the"
                    + " filesystem and the network open";
        }
        if (NEED_CONTAINMENT.contains(attack) && !bwrap && cgroups.isEmpty()) {
            return attack + " needs bubblewrap or writable cgroups: without them a process that leaves its session"
                    + " outlives the worker";
        }
        return null;
    }

    static List<String> attacks() {
        return ATTACKS;
    }

    @Test
    void theBatchCompletesAndGradesEverySubmission() throws IOException {
        assertEquals(0, status, output);
        List<String> students = records(reports.resolve("summary.csv")).stream().map(r -> r.get("student")).toList();
        List<String> expected = new ArrayList<>(ATTACKS.stream().filter(a -> skipped(a) == null).toList());
        expected.addAll(GeneratedAttacks.planted());
        expected.addAll(HONEST);
        expected.add("base");
        assertEquals(expected.stream().sorted().toList(), students);
        for (CSVRecord row : records(reports.resolve("summary.csv"))) {
            assertFalse(row.get("status").equals("grader_error"), row.get("student") + ": " + row.get("status"));
        }
    }

    /**
     * Within the sum of its limits: every submission's wall-clock limit and its compile's, as if none
     * had run beside another. (A batch that waits without limit would hang here instead.)
     */
    @Test
    void theBatchFinishesWithinTheSumOfItsLimits() throws IOException {
        int n = records(reports.resolve("summary.csv")).size();
        double limits = n * (60 + 5 * 5 + 30); // submission_seconds, and a compile's wall-clock backstop
        assertTrue(seconds < limits, seconds + " s for " + n + " submissions, whose limits add up to " + limits + " s");
    }

    @Test
    void everyHonestStudentScoresExactlyAsWithoutTheAttackers() throws IOException {
        List<String> honest = new ArrayList<>(HONEST);
        honest.add("base");
        for (String student : honest) {
            assertEquals(Files.readString(alone.resolve("scorecards/" + student + ".csv")),
                    Files.readString(reports.resolve("scorecards/" + student + ".csv")), student);
        }
        assertTrue(records(reports.resolve("scorecards/base.csv")).stream().allMatch(r -> r.get("status").equals("pass")));
    }

    @Test
    void noAttackEarnsMoreThanItsHonestPart() throws IOException {
        Map<String, CSVRecord> base = rows("base");
        for (CSVRecord student : records(reports.resolve("summary.csv"))) {
            String id = student.get("student");
            if (id.equals("base") || HONEST.contains(id)) {
                continue;
            }
            for (Map.Entry<String, CSVRecord> row : rows(id).entrySet()) {
                assertTrue(new java.math.BigDecimal(row.getValue().get("score")).compareTo(
                        new java.math.BigDecimal(base.get(row.getKey()).get("score"))) <= 0, id + " " + row.getKey());
            }
        }
    }

    /**
     * The first grade wrote reports from scratch; the second, without --force, must write the same bytes:
     * with bubblewrap it skips everyone as unchanged, and the plain sandbox grades again those whose
     * verdicts timing could change (all but the attacks whose cost depends on it).
     */
    @Test
    void aSecondGradeWithoutForceReproducesTheReports() throws IOException {
        assertEquals(0, secondStatus, secondOutput);
        Map<String, String> second = ReportFiles.withoutLogs(reports);
        assertEquals(first.keySet(), second.keySet());
        List<String> changed = first.keySet().stream().filter(f -> !first.get(f).equals(second.get(f))).toList();
        if (!changed.isEmpty()) {
            assertEquals(first.get(changed.get(0)), second.get(changed.get(0)), "changed: " + changed);
        }
        if (bwrap) {
            assertTrue(secondOutput.contains("unchanged since their scorecards were written; skipped"), secondOutput);
        } else {
            assertTrue(secondOutput.contains("plain sandbox: every submission is graded again"), secondOutput);
        }
    }

    @Test
    void noWorkFolderIsLeft() throws IOException {
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void noControlCharacterReachesAnyReportOrTheTerminal() throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    assertFalse(c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x202E,
                            file + " holds U+" + Integer.toHexString(c) + " at " + i);
                }
            }
        }
        assertFalse(output.contains("\u001b]0;pwned"), "a terminal-title sequence reached the terminal");
        String card = Files.readString(reports.resolve("scorecards/control-characters.csv"));
        assertTrue(card.contains("thrown \\x00\\x07\\x1B]0;pwned\\x07\\x1B[2J\\u202Eevil\\x9B"), card);
    }

    /** What each generated attack that replaces the whole submission must come to: its status and a note. */
    static final Map<String, String[]> WHOLE = Map.of(
            "jar-not-zip", new String[] {"compile_error", "solution.jar holds no class files"},
            "jar-bomb", new String[] {"compile_error", "bomb.jar unpacks to more than the 20480 KB of classes allowed"},
            "javac-bomb", new String[] {"compile_error", "the code compiles to more than the 200 class files allowed"},
            "slow-compile", new String[] {"compile_error", "compiling used more than 5 s of CPU time and was stopped"},
            "links-to-other", new String[] {"no_sources", "is a symbolic link, so it was left out"});

    @ParameterizedTest
    @MethodSource("whole")
    void anAttackOnTheFilesCostsItsWholeSubmission(String attack) throws IOException {
        CSVRecord summary = records(reports.resolve("summary.csv")).stream()
                .filter(r -> r.get("student").equals(attack)).findFirst().orElseThrow();
        assertEquals(WHOLE.get(attack)[0], summary.get("status"));
        assertEquals("0", summary.get("score"));
        assertTrue(Files.readString(reports.resolve("scorecards/" + attack + ".csv")).contains(WHOLE.get(attack)[1]),
                attack);
    }

    static List<String> whole() {
        return WHOLE.keySet().stream().sorted().toList();
    }

    /** Generated attacks that add a file to a correct solution: the file is left out with a note, nothing else changes. */
    @ParameterizedTest
    @MethodSource("besideASolution")
    void aFileThatIsNotARegularOneIsLeftOutWithANote(String attack) throws IOException {
        assumeTrue(GeneratedAttacks.planted().contains(attack), attack + " could not be made here (no mkfifo)");
        assertEquals(rows("base").values().stream().map(CSVRecord::toMap).toList(),
                rows(attack).values().stream().map(CSVRecord::toMap).toList(), attack);
        String note = GeneratedAttacks.BESIDE.get(attack);
        assertTrue(Files.readString(reports.resolve("scorecards/" + attack + ".csv")).contains(note), attack);
    }

    static List<String> besideASolution() {
        return GeneratedAttacks.BESIDE.keySet().stream().sorted().toList();
    }

    /** What each attack must cost: the status and words of every check that uses the attacked class. */
    static final Map<String, String[]> EXPECTED = Map.ofEntries(
            Map.entry("loop-forever", new String[] {"not_run", "did not finish within 2 s of CPU time; stopped in"
                    + " Exp.forward()"}),
            Map.entry("blocks-forever", new String[] {"not_run", "no answer: the code used no CPU time for 3 s (is it"
                    + " waiting forever, on a thread or a lock?)"}),
            Map.entry("disable-watchdog", new String[] {"not_run", "did not finish within 2 s of CPU time; stopped in"
                    + " the submission's code"}),
            Map.entry("spin-in-background", new String[] {"not_run", "the code's threads used more than 8 s of CPU"
                    + " time in all"}),
            Map.entry("exit-in-constructor", new String[] {"not_run", "the code called System.exit in new Exp(...) at"
                    + " node smoke_test_exp, at h.Exp.<init>(Exp.java:11)"}),
            Map.entry("halt-in-constructor", new String[] {"not_run", "the worker ended without a result (exit status"
                    + " 0): the code called Runtime.halt"}),
            Map.entry("heap-exhaustion", new String[] {"not_run", "the code ran out of memory (heap limit 256 MB)"}),
            Map.entry("off-heap", new String[] {"not_run", "the code used more than 32 MB of off-heap (direct)"
                    + " memory"}),
            Map.entry("unbounded-recursion", new String[] {"error", "Exp.forward() at node e threw"
                    + " java.lang.StackOverflowError, at h.Exp.forward(Exp.java:"}),
            Map.entry("static-initializer-throws", new String[] {"error", "static initialiser fails"}),
            Map.entry("forge-channel", new String[] {"not_run", "the worker's result channel was corrupted"}),
            Map.entry("forge-empty-result", new String[] {"not_run", "the worker's result channel was corrupted (the"
                    + " worker's answer does not fit the task: values for 0 nodes or points where 3 were expected)"}),
            Map.entry("control-characters", new String[] {"error", "threw java.lang.IllegalStateException: thrown"}),
            Map.entry("nan-result", new String[] {"fail", " nan"}),
            Map.entry("infinite-result", new String[] {"fail", " inf"}),
            Map.entry("order-null", new String[] {"fail", "topologicalOrder returned null instead of a list of nodes"}),
            Map.entry("order-duplicates", new String[] {"fail", "more than once; each reachable node must appear"
                    + " exactly once"}),
            Map.entry("order-foreign", new String[] {"fail", "that are not in the graph reachable from the output"}),
            Map.entry("order-wrong", new String[] {"fail", "before its input"}));

    /**
     * Attacks whose cost reaches beyond their own class, by their nature: one that stops the worker
     * from reading costs whatever that worker was to do next, and a thread that floods the channel
     * corrupts whatever answer the worker gives while it runs (which one depends on how the
     * student's two threads interleave). For them the scorecard must say what happened (and, as for
     * every attack, earn no more than the honest part).
     */
    static final Map<String, String> SPILLS_OVER = Map.of(
            "forge-and-block", "the worker stopped reading requests",
            "flood-frames", "the worker's result channel was corrupted");

    @ParameterizedTest
    @MethodSource("attacks")
    void eachAttackCostsExactlyTheChecksThatUseTheAttackedClass(String attack) throws IOException {
        assumeTrue(skipped(attack) == null, () -> skipped(attack));
        Map<String, CSVRecord> base = rows("base");
        Map<String, CSVRecord> attacked = rows(attack);
        assertEquals(base.keySet(), attacked.keySet());
        boolean onTraversal = attack.startsWith("order-");
        String[] expected = EXPECTED.get(attack);
        if (SPILLS_OVER.containsKey(attack)) {
            String card = Files.readString(reports.resolve("scorecards/" + attack + ".csv"));
            assertTrue(card.contains(SPILLS_OVER.get(attack)), attack + ":\n" + card);
        }
        for (String key : base.keySet()) {
            CSVRecord row = attacked.get(key);
            boolean hit = onTraversal ? row.get("check").equals("traversal")
                    : row.get("spec").equals("uses-exp") && !row.get("check").equals("traversal");
            if (hit && expected != null) {
                assertEquals(expected[0], row.get("status"), attack + " " + key + ": " + row.get("message"));
                assertTrue(row.get("message").contains(expected[1]), attack + " " + key + ": " + row.get("message"));
                assertEquals("0", row.get("score"), key);
            } else if (!SPILLS_OVER.containsKey(attack)) {
                assertEquals(base.get(key).toMap(), row.toMap(), () -> attack + " " + key + "; " + printed(attack));
            }
        }
    }

    /**
     * The fork bomb was stopped by the worker's process limit, not by its own cap of 3,000 (which
     * is there for a machine with no limit at all).
     */
    @Test
    void theProcessLimitStopsAForkBomb() {
        assumeTrue(skipped("fork-bomb") == null, () -> skipped("fork-bomb"));
        String printed = printed("fork-bomb");
        assertTrue(printed.contains("the system stopped the bomb before 3,000 processes"), printed);
    }

    /** What a student's code printed, from its log: what an attack says it did, for a failure's message. */
    private static String printed(String student) {
        try {
            String log = Files.readString(reports.resolve("logs/" + student + ".log"));
            int output = log.indexOf(OUTPUT_HEADING);
            if (output < 0) {
                return "it printed nothing";
            }
            String printed = log.substring(output + OUTPUT_HEADING.length()).strip();
            return "it printed: " + (printed.length() > 2_000 ? printed.substring(0, 2_000) + " [...]" : printed);
        } catch (IOException e) {
            return "its log cannot be read: " + e;
        }
    }

    private static final String OUTPUT_HEADING = "--- output of the submission's code ---";

    @Test
    void noFileOutsideTheSandboxChanged() throws IOException {
        Map<Path, String> after = snapshot(root.resolve("class"), root.resolve("outside"));
        after.keySet().removeIf(p -> p.startsWith(reports));
        List<String> changed = new ArrayList<>();
        for (Path p : new java.util.TreeSet<>(union(before.keySet(), after.keySet()))) {
            if (!java.util.Objects.equals(before.get(p), after.get(p))) {
                changed.add((before.containsKey(p) ? after.containsKey(p) ? "changed " : "deleted " : "created ") + p);
            }
        }
        assertEquals(List.of(), changed);
        String pwned = "topograd-pwned-" + TOKEN + ".txt";
        assertFalse(Files.exists(Path.of("/tmp", pwned)));
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), pwned)));
        assertFalse(Files.exists(root.resolve(pwned)));
        assertFalse(Files.readString(reports.resolve("summary.csv")).contains("9999"), "a forged summary row");
    }

    @Test
    void theReportsHoldOnlyWhatTopogradWrote() throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = reports.relativize(file).toString();
                assertTrue(name.equals("summary.csv") || name.equals("index.html") || name.matches("(scorecards/.+\\.(csv|html)|logs/.+\\.log"
                        + "|\\.state/.+\\.properties)"), name);
            }
        }
    }

    /**
     * Nothing this run started is still alive: no descendant of this JVM (a worker, a compiler, a
     * student's child process), and, with cgroups, no group of this run's workers (a process that
     * left its session with setsid is no descendant, but is still in its worker's group). Only this
     * run's own processes are looked at, so a grade running beside the tests cannot fail them. The
     * compile servers the grading left warm for the next one in this JVM are stopped first: any
     * other compiler still alive was lost.
     */
    @Test
    void noProcessIsLeftBehind() throws IOException {
        org.topograd.submission.Compiler.stopIdleServers();
        List<String> left;
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            left = descendants.map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        }
        assertEquals(List.of(), left);
        if (cgroups.isPresent()) {
            String ours = "topograd-" + ProcessHandle.current().pid() + "-";
            for (Path parent : cgroups.get().parents()) {
                try (Stream<Path> groups = Files.list(parent)) {
                    assertEquals(List.of(), groups.filter(g -> g.getFileName().toString().startsWith(ours)).toList());
                }
            }
        }
    }

    @Test
    void noHiddenSpecAppearsInAnyReport() throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains(SECRET), file.toString());
                assertFalse(text.contains("0.01592848"), file + " holds the hidden spec's expected value");
            }
        }
    }

    @Test
    void theNetworkIsUnreachable() throws IOException {
        assumeTrue(bwrap, "needs bubblewrap: the plain sandbox leaves the network open");
        assertNull(listener.accept(), "a submission connected to the loopback listener");
        assertTrue(Files.readString(reports.resolve("logs/network.log")).contains("no network: "));
    }

    @Test
    void floodedOutputIsCappedAndSaysHowMuchWasLeftOut() throws IOException {
        String log = Files.readString(reports.resolve("logs/print-flood.log"));
        assertTrue(log.length() < 100_000, "log of " + log.length() + " characters");
        assertTrue(log.contains("FLOOD-START"), "the head is kept");
        assertTrue(log.contains("FLOOD-END"), "the tail is kept");
        assertTrue(log.matches("(?s).*\\[\\.\\.\\. \\d+ bytes of output left out \\.\\.\\.\\].*"), "says what was dropped");
    }

    @Test
    void theSandboxLevelIsRecorded() throws IOException {
        String expected = bwrap ? "bwrap" : "plain";
        for (CSVRecord row : records(reports.resolve("summary.csv"))) {
            assertEquals(expected, row.get("sandbox"));
        }
    }


    private static Set<Path> union(Set<Path> a, Set<Path> b) {
        Set<Path> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The base, and the students (but the spill-over attacks) with a check the first grade did not finish. */
    private static Set<String> regradedInPlain() throws IOException {
        Set<String> stopped = new TreeSet<>(Set.of("base"));
        try (Stream<Path> students = Files.list(submissions)) {
            for (String student : students.map(s -> s.getFileName().toString()).toList()) {
                if (!SPILLS_OVER.containsKey(student)
                        && rows(student).values().stream().anyMatch(r -> r.get("status").equals("not_run"))) {
                    stopped.add(student);
                }
            }
        }
        return stopped;
    }

    private static Map<String, CSVRecord> rows(String student) throws IOException {
        Map<String, CSVRecord> rows = new TreeMap<>();
        for (CSVRecord r : records(reports.resolve("scorecards/" + student + ".csv"))) {
            if (!r.get("spec").isEmpty()) {
                rows.put(r.get("spec") + " " + r.get("case") + " " + r.get("check"), r);
            }
        }
        return rows;
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .get())) {
            return parser.getRecords();
        }
    }

    /** Every file under the roots with a hash of its content. */
    private static Map<Path, String> snapshot(Path... roots) throws IOException {
        Map<Path, String> hashes = new TreeMap<>();
        for (Path r : roots) {
            try (Stream<Path> walk = Files.walk(r)) {
                for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    hashes.put(p, Files.size(p) > 1 << 24 ? "size " + Files.size(p) + " modified "
                            + Files.getLastModifiedTime(p) : sha256(Files.readAllBytes(p)));
                }
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
