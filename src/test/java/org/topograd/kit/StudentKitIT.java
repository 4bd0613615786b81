package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;

/**
 * The kit as students get it: made by the built topograd.jar, its jar listed, and its check run as
 * {@code java -jar topograd-student.jar check ...}, which must give the full tool's verdicts and
 * name the same bugs in the same words, for the bundled submissions.
 */
class StudentKitIT {
    @TempDir
    static Path dir;

    static Path project;
    static Path kit;
    static Path jar;

    @BeforeAll
    static void makeTheKit() throws Exception {
        project = Path.of("").toAbsolutePath();
        kit = dir.resolve("kit");
        ChildProcess.Result made = ChildProcess.javaJar(ChildProcess.JAR, project, "kit", "--out", kit.toString());
        assertEquals(0, made.status(), made.err());
        jar = kit.resolve(StudentKit.JAR);
    }

    /** Every check's verdict: spec, case, check, status and score, one per line; no messages. */
    private static String verdicts(String json) {
        StringBuilder out = new StringBuilder();
        for (JsonElement s : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("specs")) {
            JsonObject spec = s.getAsJsonObject();
            for (JsonElement c : spec.getAsJsonArray("checks")) {
                JsonObject check = c.getAsJsonObject();
                out.append(spec.get("id").getAsString()).append(' ').append(check.get("case").getAsString()).append(' ')
                        .append(check.get("check").getAsString()).append(' ').append(check.get("status").getAsString())
                        .append(' ').append(check.get("score").getAsBigDecimal().toPlainString()).append('\n');
            }
        }
        return out.toString();
    }

    /** The lines of check's text that name a likely bug. */
    private static List<String> diagnoses(String text) {
        return text.lines().filter(l -> l.contains("Likely bug") || l.contains("the same likely bug")).toList();
    }

    @Test
    void theKitChecksAsTheFullToolDoesWithoutTheEngine() throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/topograd/engine/")
                    || n.startsWith("org/topograd/diagnosis/") || n.contains("ReferenceAnswers")), names.toString());
            assertTrue(names.contains("org/topograd/cli/CheckCommand.class"));
        }
        for (String hidden : List.of("deep-chain", "logistic-loss", "normalize", "random-dag", "neuron-relu")) {
            assertFalse(Files.exists(kit.resolve("specs").resolve(hidden + ".yaml")), hidden);
        }
        for (String submission : List.of("correct", "sub-sign-error")) {
            String folder = project.resolve("submissions").resolve(submission).toString();
            ChildProcess.Result full = ChildProcess.javaJar(ChildProcess.JAR, project, "check", "--json", folder);
            // From elsewhere: the kit finds its specs beside its jar, whatever the working folder.
            ChildProcess.Result student = ChildProcess.javaJar(jar, dir, "check", "--json", folder);
            assertEquals(full.status(), student.status(), submission + ": " + student.err());
            assertEquals(verdicts(full.out()), verdicts(student.out()), submission);
            assertEquals(7, JsonParser.parseString(student.out()).getAsJsonObject().get("hidden_specs").getAsInt());
            if (submission.equals("sub-sign-error")) {
                assertTrue(verdicts(student.out()).contains("topological-order main gradient fail 0"), student.out());
            }
        }
        ChildProcess.Result version = ChildProcess.javaJar(jar, dir, "--version");
        assertTrue(version.out().startsWith("topograd-student "), version.out());
    }

    @Test
    void theKitNamesEveryBundledBugInTheFullToolsWords() throws Exception {
        List<String> broken;
        try (Stream<Path> all = Files.list(project.resolve("submissions"))) {
            broken = all.map(p -> p.getFileName().toString()).filter(n -> !n.equals("correct")).sorted().toList();
        }
        int named = 0;
        for (String submission : broken) {
            String folder = project.resolve("submissions").resolve(submission).toString();
            ChildProcess.Result full = ChildProcess.javaJar(ChildProcess.JAR, project, "check", "--no-color", folder);
            ChildProcess.Result student = ChildProcess.javaJar(jar, dir, "check", "--no-color", folder);
            assertEquals(full.status(), student.status(), submission + ": " + student.err());
            assertEquals(diagnoses(full.out()), diagnoses(student.out()), submission);
            named += diagnoses(student.out()).size();
        }
        assertTrue(named >= 10, "the bundled bugs are named: " + named + " lines");
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

    @Test
    void theKitsFilesGetTheUsualPermissionsOfTheUmask() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to set a umask with");
        for (String[] umask : List.of(new String[] {"022", "rw-r--r--", "rwxr-xr-x"},
                new String[] {"027", "rw-r-----", "rwxr-x---"})) {
            Path out = dir.resolve("kit-" + umask[0]);
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask[0] + " && exec \"$0\" \"$@\"",
                    ChildProcess.java().toString(), "-jar", project.resolve(ChildProcess.JAR).toString(), "kit", "--out",
                    out.toString(), "--no-starter"));
            ChildProcess.Result made = ChildProcess.run(command, project, Map.of());
            assertEquals(0, made.status(), made.err());
            modes(out).forEach((path, mode) -> assertEquals(path.startsWith("d ") ? umask[2] : umask[1], mode,
                    "umask " + umask[0] + ": " + path));
        }
    }
}
