package org.topograd.gradescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.kit.ChildProcess;

/**
 * The Gradescope package as Gradescope would use it: built by the jar, unpacked into a folder laid
 * out like {@code /autograder}, and {@code run_autograder} run with bash on a student's submission.
 */
class GradescopePackageIT {
    @TempDir
    Path dir;

    @Test
    void runAutograderWritesResultsJson() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path zip = dir.resolve("autograder.zip");
        ChildProcess.Result built = ChildProcess.javaJar(ChildProcess.JAR, project, "gradescope-package", "--out",
                zip.toString());
        assertEquals(0, built.status(), built.err());
        Path root = dir.resolve("autograder");
        Path source = Files.createDirectories(root.resolve("source"));
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                names.add(e.getName());
                Path target = source.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        assertEquals(List.of("setup.sh", "run_autograder", "topograd.jar"), names.subList(0, 3));
        assertTrue(names.contains("specs/normalize.yaml"), "hidden specs are graded on Gradescope: " + names);
        Path submission = root.resolve("submission");
        try (Stream<Path> files = Files.walk(project.resolve("submissions/sub-sign-error"))) {
            for (Path p : files.toList()) {
                Path target = submission.resolve(project.resolve("submissions/sub-sign-error").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        ChildProcess.Result ran = ChildProcess.run(List.of("bash", source.resolve("run_autograder").toString()), root,
                Map.of("TOPOGRAD_AUTOGRADER_ROOT", root.toString(),
                        "TOPOGRAD_JAVA", ChildProcess.java().toString()));
        assertEquals(0, ran.status(), ran.out() + ran.err());
        JsonObject results = JsonParser.parseString(Files.readString(root.resolve("results/results.json")))
                .getAsJsonObject();
        assertEquals("110", results.get("score").getAsBigDecimal().toPlainString(), results.toString());
        assertEquals(16 * 5, results.getAsJsonArray("tests").size());
        assertTrue(ran.out().contains("submission") && ran.out().contains("110 / 125"), ran.out());
    }
}
