package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as students get it: made by the built topograd.jar, its jar listed, and its check run as
 * {@code java -jar topograd-student.jar check ...}, which must give what the full tool's check
 * gives, byte for byte, for a correct and for a broken submission.
 */
class StudentKitIT {
    @TempDir
    Path dir;

    @Test
    void theKitChecksAsTheFullToolDoesWithoutTheEngine() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path kit = dir.resolve("kit");
        ChildProcess.Result made = ChildProcess.javaJar(ChildProcess.JAR, project, "kit", "--out", kit.toString());
        assertEquals(0, made.status(), made.err());
        Path jar = kit.resolve(StudentKit.JAR);
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
            ChildProcess.Result full = ChildProcess.javaJar(ChildProcess.JAR, project, "check", "--no-color", folder);
            // From elsewhere: the kit finds its specs beside its jar, whatever the working folder.
            ChildProcess.Result student = ChildProcess.javaJar(jar, dir, "check", "--no-color", folder);
            assertEquals(full.out(), student.out(), submission);
            assertEquals(full.status(), student.status(), submission + ": " + student.err());
            assertTrue(student.out().contains("7 hidden specs are graded after you submit"), student.out());
        }
        ChildProcess.Result version = ChildProcess.javaJar(jar, dir, "--version");
        assertTrue(version.out().startsWith("topograd-student "), version.out());
    }
}
