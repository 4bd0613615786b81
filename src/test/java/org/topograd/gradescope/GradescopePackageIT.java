package org.topograd.gradescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;
import org.topograd.kit.ChildProcess;

/**
 * The Gradescope package as Gradescope uses it: built by the jar, unpacked by the system's {@code unzip} into a folder laid out like {@code /autograder}, its
 * {@code setup.sh} checks made (those that need no network), then {@code run_autograder} copied
 * beside {@code source/} and run as it is (by its own executable bit), as an unprivileged user
 * with a clean environment, on a student's submission; {@code results.json} must keep Gradescope's
 * documented format.
 */
class GradescopePackageIT {
    /** Gradescope's results hold only what the autograder wrote; a clean environment has only these. */
    private static final String PATH = "PATH=/usr/local/bin:/usr/bin:/bin";

    @TempDir
    Path dir;

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean root() throws Exception {
        return ChildProcess.run(List.of("id", "-u"), Path.of("."), Map.of()).out().strip().equals("0");
    }

    @Test
    void runAutograderGradesAsGradescopeRunsIt() throws Exception {
        assumeTrue(onPath("unzip"), "the unzip command is not installed (apt-get install unzip)");
        Path project = Path.of("").toAbsolutePath();
        Path zip = dir.resolve("autograder.zip");
        ChildProcess.Result built = ChildProcess.javaJar(ChildProcess.JAR, project, "gradescope-package", "--out",
                zip.toString());
        assertEquals(0, built.status(), built.err());

        // Everything here must be reachable by the unprivileged user run_autograder runs as.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectories(dir.resolve("autograder"));
        Path source = root.resolve("source");
        ChildProcess.Result unzipped = ChildProcess.run(List.of("unzip", "-q", zip.toString(), "-d",
                source.toString()), dir, Map.of());
        assertEquals(0, unzipped.status(), unzipped.err());
        for (String script : List.of("setup.sh", "run_autograder")) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(source.resolve(script))),
                    script + " is unpacked executable");
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                source.resolve("topograd.jar"))));
        assertTrue(Files.isRegularFile(source.resolve("specs/normalize.yaml")), "hidden specs are graded on Gradescope");
        // Gradescope copies run_autograder to /autograder/run_autograder while it builds the image.
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"), StandardCopyOption.COPY_ATTRIBUTES);

        ChildProcess.Result setup = ChildProcess.run(List.of(source.resolve("setup.sh").toString(), "--no-install"),
                root, Map.of("TOPOGRAD_AUTOGRADER_ROOT", root.toString(), "TOPOGRAD_JAVA",
                        ChildProcess.java().toString()));
        assertEquals(0, setup.status(), setup.out() + setup.err());
        assertTrue(setup.out().contains("setup.sh: topograd is ready: Java 17; validate: "), setup.out());

        Folders.copyTree(project.resolve("submissions/sub-sign-error"), root.resolve("submission"));
        Path results = Files.createDirectories(root.resolve("results"));
        List<String> command = new ArrayList<>();
        boolean asRoot = root();
        if (asRoot) {
            // As Gradescope's harness would not: as nobody, so nothing here needs root.
            Files.setOwner(results, results.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(
                    "nobody"));
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of("env", "-i", PATH, "TOPOGRAD_AUTOGRADER_ROOT=" + root, "TOPOGRAD_JAVA="
                + ChildProcess.java(), root.resolve("run_autograder").toString()));
        ChildProcess.Result ran = ChildProcess.run(command, root, Map.of());
        assertEquals(0, ran.status(), ran.out() + ran.err());
        String json = Files.readString(results.resolve("results.json"));
        assertEquals(List.of(), ResultsSchema.problems(json), json);
        JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("110", parsed.get("score").getAsBigDecimal().toPlainString(), json);
        assertEquals(16 * 5, parsed.getAsJsonArray("tests").size());
        assertTrue(ran.out().contains("110 / 125"), ran.out());
    }
}
