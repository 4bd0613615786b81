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
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    /** Attacks on the filesystem and the network: only ever run inside bubblewrap. */
    static final Set<String> NEED_BWRAP = Set.of("read-secrets", "write-outside", "forge-summary", "network");
    static final String SECRET = "SECRET-TITLE-7b3f";
    static final int PORT = 47231;

    @TempDir
    static Path root;

    static boolean bwrap;
    static Path submissions;
    static Path reports;
    static Path alone;
    static String output;
    static int status;
    static Map<Path, String> before;
    static ServerSocketChannel listener;
    static final List<String> ATTACKS = new ArrayList<>();

    @BeforeAll
    static void gradeTheHostileClass() throws IOException {
        bwrap = BubblewrapLauncher.find(Optional.empty()).isPresent();
        submissions = Files.createDirectories(root.resolve("class/submissions"));
        Folders.copyTree(FIXTURES.resolve("base"), submissions.resolve("base"));
        try (Stream<Path> attacks = Files.list(FIXTURES.resolve("attacks"))) {
            for (Path attack : attacks.sorted().toList()) {
                String name = attack.getFileName().toString();
                if (bwrap || !NEED_BWRAP.contains(name)) {
                    ATTACKS.add(name);
                    Folders.copyTree(FIXTURES.resolve("base"), submissions.resolve(name));
                    Folders.copyTree(attack, submissions.resolve(name));
                }
            }
        }
        Path specs = root.resolve("class/specs");
        Folders.copyTree(FIXTURES.resolve("specs"), specs);
        Files.writeString(Files.createDirectories(root.resolve("outside")).resolve("canary.txt"), "untouched");
        before = snapshot(root.resolve("class"), root.resolve("outside"));
        try {
            listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", PORT));
            listener.configureBlocking(false);
        } catch (IOException e) {
            listener = null; // the port is taken: the network check below is skipped
        }
        reports = root.resolve("class/reports");
        StringWriter out = new StringWriter();
        status = Main.execute(new PrintWriter(out), new PrintWriter(out), "grade", "--specs", specs.toString(),
                "--submissions", submissions.toString(), "--reports", reports.toString(), "-j", "2");
        output = out.toString();
        alone = root.resolve("alone");
        Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "grade", "--specs",
                specs.toString(), "--submissions", submissions.toString(), "--reports", alone.toString(), "--only",
                "base");
    }

    @AfterAll
    static void closeListener() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    static List<String> attacks() {
        return ATTACKS;
    }

    @Test
    void theBatchCompletesAndGradesEverySubmission() throws IOException {
        assertEquals(0, status, output);
        List<String> students = records(reports.resolve("summary.csv")).stream().map(r -> r.get("student")).toList();
        List<String> expected = new ArrayList<>(ATTACKS);
        expected.add("base");
        assertEquals(expected.stream().sorted().toList(), students);
    }

    @Test
    void theCorrectSubmissionScoresExactlyAsWithoutTheAttackers() throws IOException {
        assertEquals(Files.readString(alone.resolve("scorecards/base.csv")),
                Files.readString(reports.resolve("scorecards/base.csv")));
        assertTrue(records(reports.resolve("scorecards/base.csv")).stream().allMatch(r -> r.get("status").equals("pass")));
    }

    /** What each attack must cost: the status and words of every check that uses the attacked class. */
    static final Map<String, String[]> EXPECTED = Map.ofEntries(
            Map.entry("loop-forever", new String[] {"not_run", "did not finish within 2 s of CPU time; stopped in"
                    + " Exp.forward()"}),
            Map.entry("blocks-forever", new String[] {"not_run", "no answer within 7 s (is the code waiting forever, on"
                    + " a thread or a lock?)"}),
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
            Map.entry("nan-result", new String[] {"fail", " nan"}),
            Map.entry("infinite-result", new String[] {"fail", " inf"}),
            Map.entry("order-null", new String[] {"fail", "topologicalOrder returned null instead of a list of nodes"}),
            Map.entry("order-duplicates", new String[] {"fail", "more than once; each reachable node must appear"
                    + " exactly once"}),
            Map.entry("order-foreign", new String[] {"fail", "that are not in the graph reachable from the output"}),
            Map.entry("order-wrong", new String[] {"fail", "before its input"}));

    @ParameterizedTest
    @MethodSource("attacks")
    void eachAttackCostsExactlyTheChecksThatUseTheAttackedClass(String attack) throws IOException {
        Map<String, CSVRecord> base = rows("base");
        Map<String, CSVRecord> attacked = rows(attack);
        assertEquals(base.keySet(), attacked.keySet());
        boolean onTraversal = attack.startsWith("order-");
        String[] expected = EXPECTED.get(attack);
        for (String key : base.keySet()) {
            CSVRecord row = attacked.get(key);
            boolean hit = onTraversal ? row.get("check").equals("traversal")
                    : row.get("spec").equals("uses-exp") && !row.get("check").equals("traversal");
            if (hit && expected != null) {
                assertEquals(expected[0], row.get("status"), attack + " " + key + ": " + row.get("message"));
                assertTrue(row.get("message").contains(expected[1]), attack + " " + key + ": " + row.get("message"));
                assertEquals("0", row.get("score"), key);
            } else {
                assertEquals(base.get(key).toMap(), row.toMap(), attack + " " + key);
            }
        }
    }

    @Test
    void noFileOutsideTheSandboxChanged() throws IOException {
        Map<Path, String> after = snapshot(root.resolve("class"), root.resolve("outside"));
        after.keySet().removeIf(p -> p.startsWith(reports));
        Map<Path, String> expected = new TreeMap<>(before);
        assertEquals(expected, after);
        assertFalse(Files.exists(Path.of("/tmp/topograd-pwned.txt")));
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), "topograd-pwned.txt")));
        assertFalse(Files.exists(root.resolve("topograd-pwned.txt")));
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

    @Test
    void noProcessIsLeftBehind() {
        List<String> left = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("4242.424") || c.contains("org.topograd.worker.WorkerMain"))
                .toList();
        assertEquals(List.of(), left);
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
        assumeTrue(bwrap && listener != null, "needs bubblewrap and the port " + PORT);
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
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    hashes.put(p, sha256(Files.readAllBytes(p)));
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
