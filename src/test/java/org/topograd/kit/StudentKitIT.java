package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as students get it: made by the built topograd.jar, its jar listed, and its check run as
 * {@code java -jar topograd-student.jar check ...}, which must give the full tool's verdicts on the
 * visible specs for a correct and for a broken submission.
 */
class StudentKitIT {
    @TempDir
    Path dir;

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
}
