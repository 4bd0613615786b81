package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.topograd.Folders;
import org.topograd.diagnosis.tensor.TensorForecasts;
import org.topograd.diagnosis.tensor.TensorMutant;
import org.topograd.diagnosis.tensor.TensorMutants;
import org.topograd.report.Scorecard;

/**
 * The kit as students get it: made by the built topograd.jar, its jar listed, and its check run as
 * {@code java -jar topograd-student.jar check ...}, which must give the full tool's verdicts and
 * name the same bugs in the same words, for bundled submissions: the full tool's words are
 * the golden scorecards, so the full tool need not be run again here.
 */
// Its tests only read the kit (each writes its own folder), so they overlap: most of their time is child JVMs waiting.
@Execution(ExecutionMode.CONCURRENT)
class StudentKitIT {
    @TempDir
    static Path dir;

    static Path project;
    static Path kit;
    static Path jar;
    static final Path GOLDEN = Path.of("src/test/resources/golden/scorecards");

    /** The umask the kit is made under: one that differs from the usual 022, so that a fixed mode shows. */
    static final String UMASK = "027";

    /** Whether the kit was made under {@link #UMASK} (it needs a shell to set one). */
    static boolean underUmask;

    @BeforeAll
    static void makeTheKit() throws Exception {
        project = Path.of("").toAbsolutePath();
        kit = dir.resolve("kit");
        List<String> command = new ArrayList<>(ChildProcess.javaJarCommand(ChildProcess.JAR, "kit", "--out",
                kit.toString()));
        underUmask = Files.isExecutable(Path.of("/bin/sh"));
        if (underUmask) {
            command.addAll(0, List.of("/bin/sh", "-c", "umask " + UMASK + " && exec \"$0\" \"$@\""));
        }
        ChildProcess.Result made = ChildProcess.run(command, project, Map.of());
        assertEquals(0, made.status(), made.err());
        jar = kit.resolve(StudentKit.JAR);
    }

    /**
     * Every check of a {@code check --json} answer as its scorecard row would be: spec, case, check,
     * score, max score, status and message, by spec, case and check.
     */
    private static Map<String, String> rows(String json) {
        Map<String, String> rows = new java.util.TreeMap<>();
        for (JsonElement s : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("specs")) {
            JsonObject spec = s.getAsJsonObject();
            for (JsonElement c : spec.getAsJsonArray("checks")) {
                JsonObject check = c.getAsJsonObject();
                String key = spec.get("id").getAsString() + "," + check.get("case").getAsString() + ","
                        + check.get("check").getAsString();
                rows.put(key, List.of(number(check, "score"), number(check, "max_score"),
                        check.get("status").getAsString(), check.get("message").getAsString()).toString());
            }
        }
        return rows;
    }

    private static String number(JsonObject check, String name) {
        return check.get(name).getAsBigDecimal().stripTrailingZeros().toPlainString();
    }

    /** The rows of the full tool's golden scorecard (what {@code grade} gives) for the specs the kit holds. */
    private static Map<String, String> golden(String submission, java.util.Collection<String> keys) throws IOException {
        return golden(GOLDEN, submission, keys);
    }

    private static Map<String, String> golden(Path scorecards, String submission, java.util.Collection<String> keys)
            throws IOException {
        Map<String, String> rows = new java.util.TreeMap<>();
        for (Scorecard.Row r : Scorecard.read(scorecards.resolve(submission + ".csv"))) {
            String key = r.spec() + "," + r.caseName() + "," + r.check();
            if (keys.contains(key)) {
                rows.put(key, List.of(new java.math.BigDecimal(r.score()).stripTrailingZeros().toPlainString(),
                        new java.math.BigDecimal(r.max()).stripTrailingZeros().toPlainString(), r.status(),
                        r.message()).toString());
            }
        }
        return rows;
    }

    @Test
    void theKitHoldsNeitherTheEngineNorTheHiddenSpecs() throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/topograd/engine/")
                    || n.startsWith("org/topograd/diagnosis/") || n.contains("ReferenceAnswers")), names.toString());
            assertTrue(names.contains("org/topograd/cli/CheckCommand.class"));
        }
        for (String hidden : List.of("deep-chain", "logistic-loss", "normalize", "random-dag", "neuron-relu")) {
            assertFalse(Files.exists(kit.resolve("specs").resolve(hidden + ".yaml")), hidden);
        }
        ChildProcess.Result version = ChildProcess.javaJar(jar, dir, "--version");
        assertTrue(version.out().startsWith("topograd-student "), version.out());
    }

    /**
     * Bundled submissions that take every path through a check: full marks, a compile error, missing
     * op classes, CPU limits reached (and a traversal's bug named), and a gradient's bug named from the
     * kit's frozen forecasts. (That every frozen forecast is the full tool's is {@code KitTest}'s; the
     * text test below names a third bug.)
     */
    static final List<String> THROUGH_THE_JAR = List.of("compile-error", "correct", "missing-ops",
            "recursive-backprop", "sub-sign-error");

    /**
     * For those bundled submissions, every check the kit makes is the full tool's, in the full tool's
     * words: the same status, score and message as that check's row in the golden scorecard, which
     * {@code grade} is held to elsewhere. (Its likely bugs are part of those messages.)
     */
    @Test
    void theKitChecksBundledSubmissionsAsTheFullToolGradesThem() throws Exception {
        // Two checks at a time, as two students sharing a machine would: each waits on its worker a good part of the time.
        Map<String, CompletableFuture<ChildProcess.Result>> checks = new java.util.LinkedHashMap<>();
        ExecutorService students = Executors.newFixedThreadPool(2);
        try {
            for (String submission : THROUGH_THE_JAR) {
                String folder = project.resolve("submissions").resolve(submission).toString();
                // From elsewhere: the kit finds its specs beside its jar, whatever the working folder.
                checks.put(submission, CompletableFuture.supplyAsync(() -> check(folder), students));
            }
        } finally {
            students.shutdown();
        }
        int diagnosed = 0;
        for (String submission : THROUGH_THE_JAR) {
            ChildProcess.Result student = checks.get(submission).join();
            assertEquals(submission.equals("correct") ? 0 : 1, student.status(), submission + ": " + student.err());
            assertEquals(7, JsonParser.parseString(student.out()).getAsJsonObject().get("hidden_specs").getAsInt());
            Map<String, String> rows = rows(student.out());
            assertFalse(rows.isEmpty(), submission);
            assertEquals(golden(submission, rows.keySet()), rows, submission);
            diagnosed += (int) rows.values().stream().filter(r -> r.contains("Likely bug")).count();
        }
        assertTrue(diagnosed >= 10, "the bundled bugs are named: " + diagnosed + " checks");
    }

    private static ChildProcess.Result check(String folder) {
        try {
            return ChildProcess.javaJar(jar, dir, "check", "--json", folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text a student reads names the likely bug in the same words (a bug the JSON test above does not meet). */
    @Test
    void theKitsTextNamesTheLikelyBug() throws Exception {
        String folder = project.resolve("submissions/power-rule-n-x-to-the-n").toString();
        ChildProcess.Result student = ChildProcess.javaJar(jar, dir, "check", "--no-color", folder);
        assertEquals(1, student.status(), student.err());
        String message = golden("power-rule-n-x-to-the-n", List.of("power-node,main,gradient")).values().iterator()
                .next();
        String bug = message.substring(message.indexOf("Likely bug"), message.length() - 1);
        assertTrue(student.out().contains(bug), student.out());
    }

    @Test
    void aClassMissingForAnOpOnlyAHiddenSpecUsesFailsTheKitsCheck() throws Exception {
        Path submission = dir.resolve("no-sqrt-no-relu");
        Folders.copyTree(project.resolve("submissions/correct"), submission);
        Path functions = submission.resolve("src/backprop/ops/Functions.java");
        String source = Files.readString(functions);
        for (String op : List.of("Sqrt", "Relu")) {
            int start = source.indexOf("    @Op(\"" + op.toLowerCase() + "\")");
            int end = source.indexOf("    }\n", source.indexOf("derivative", start)) + "    }\n".length();
            assertTrue(start > 0 && end > start, op);
            source = source.substring(0, start) + source.substring(end);
        }
        Files.writeString(functions, source);
        ChildProcess.Result student = ChildProcess.javaJar(jar, dir, "check", "--no-color", submission.toString());
        assertEquals(1, student.status(), student.out() + student.err());
        assertTrue(student.out().contains("no class for op sqrt") && student.out().contains("no class for op relu"),
                student.out());
        assertFalse(student.out().contains("all checks pass"), student.out());
        assertTrue(student.out().contains("Total: 65 / 65 (100%)"), "the visible specs need neither: "
                + student.out());
    }

    @Test
    void theStarterRunsAndSaysWhatIsLeftToDo() throws Exception {
        ChildProcess.Result student = ChildProcess.javaJar(jar, dir, "check", "--no-color",
                kit.resolve("starter").toString());
        assertEquals(1, student.status(), student.out() + student.err());
        assertTrue(student.out().contains("threw java.lang.UnsupportedOperationException: TODO"), student.out());
        assertFalse(student.err().contains("internal error"), student.err());
    }

    /**
     * A tensor assignment's kit, made from the kit above (its classes are the same whatever the specs):
     * its jar with the answers frozen for the bundled tensor specs instead, as {@code topograd kit --specs
     * tensors/specs} freezes them ({@code KitTest} holds the frozen answers to the tensor engine's), and
     * those specs beside it. Cheaper than making a second kit, and the same bytes but for the frozen ones.
     */
    private static Path tensorKit() throws IOException {
        Path tensorKit = dir.resolve("tensor-kit");
        if (Files.isDirectory(tensorKit)) {
            return tensorKit;
        }
        List<org.topograd.spec.tensor.TensorSpec> specs = new ArrayList<>();
        Folders.copyTree(project.resolve("tensors/specs"), tensorKit.resolve(StudentKit.SPECS));
        for (Path file : org.topograd.spec.SpecLoader.list(tensorKit.resolve(StudentKit.SPECS))) {
            specs.add(((org.topograd.spec.tensor.TensorSpecResult.Valid)
                    org.topograd.spec.tensor.TensorSpecLoader.load(file)).spec());
        }
        Map<String, byte[]> frozen = FrozenAnswers.freeze(FrozenAnswers.Contents.tensor(
                org.topograd.grading.TensorAnswers.of(specs, org.topograd.numeric.NumericalGradient.Settings.DEFAULT),
                0, Set.of(), new TensorForecasts(), TensorMutants.all().stream().map(TensorMutant::describe).toList()));
        org.topograd.report.ReproducibleZip rewritten = new org.topograd.report.ReproducibleZip();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry e : file.stream().toList()) {
                if (!e.getName().equals(FrozenAnswers.RESOURCE) && !e.getName().startsWith("org/topograd/kit/forecasts/")) {
                    rewritten.add(e.getName(), file.getInputStream(e).readAllBytes());
                }
            }
        }
        frozen.forEach(rewritten::add);
        Files.write(tensorKit.resolve(StudentKit.JAR), rewritten.finish());
        return tensorKit;
    }

    /**
     * The kit of a tensor assignment checks the bundled correct tensor submission to full marks, and a
     * broken one (matmul's gradient without the transposes: errors where the shapes differ, wrong numbers
     * where they are square) to the very rows the full tool's grade gives it.
     */
    @Test
    void aTensorAssignmentsKitChecksAsTheFullToolGrades() throws Exception {
        Path tensorJar = tensorKit().resolve(StudentKit.JAR);
        Path golden = Path.of("src/test/resources/golden-tensors/scorecards");
        for (String submission : List.of("correct", "matmul-no-transpose")) {
            String folder = project.resolve("tensors/submissions").resolve(submission).toString();
            ChildProcess.Result student = ChildProcess.javaJar(tensorJar, dir, "check", "--json", folder);
            assertEquals(submission.equals("correct") ? 0 : 1, student.status(), submission + ": " + student.err());
            JsonObject json = JsonParser.parseString(student.out()).getAsJsonObject();
            assertEquals(0, json.get("hidden_specs").getAsInt());
            Map<String, String> rows = rows(student.out());
            assertEquals(100, rows.size(), "five checks at each of the seven specs' 20 points: " + rows.keySet());
            assertEquals(golden(golden, submission, rows.keySet()), rows, submission);
            if (submission.equals("correct")) {
                assertEquals("80", number(json, "score"), student.out());
                assertTrue(json.get("all_passed").getAsBoolean(), student.out());
            }
        }
    }

    /** The kit made under a umask, as file modes: {@code rw-r--r--} and the like, by path. */
    private static Map<String, String> modes(Path root) throws IOException {
        Map<String, String> modes = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Set<PosixFilePermission> set = Files.getPosixFilePermissions(p);
                modes.put((Files.isDirectory(p) ? "d " : "f ") + root.relativize(p), PosixFilePermissions.toString(set));
            }
        }
        return modes;
    }

    /** Made under umask 027, the kit's files are {@code rw-r-----} and its folders {@code rwxr-x---}: no mode is fixed. */
    @Test
    void theKitsFilesGetTheUsualPermissionsOfTheUmask() throws Exception {
        assumeTrue(underUmask, "no /bin/sh to set a umask with");
        Map<String, String> modes = modes(kit);
        assertTrue(modes.size() > 10, modes.toString());
        modes.forEach((path, mode) -> assertEquals(path.startsWith("d ") ? "rwxr-x---" : "rw-r-----", mode,
                "umask " + UMASK + ": " + path));
    }
}
