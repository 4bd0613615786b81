package org.topograd.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;
import org.topograd.cli.Main;
import org.topograd.kit.ChildProcess;

/**
 * docs/grading-at-scale.md's Slurm example, run for real: a one-node Slurm cluster on this machine,
 * the job-array script and the merge script taken from the page itself (so the page cannot drift
 * from what is tested), submitted with {@code sbatch --dependency=afterok}; the merged reports must
 * be byte for byte those of one {@code grade} of the same class on one machine.
 */
class ShardsOnSlurmIT {
    static final Path DOC = Path.of("docs", "grading-at-scale.md");
    /** Few, to keep the worker JVMs few; sorted, compile-error and sub-sign-error are shard 1, correct shard 2. */
    private static final List<String> SUBMISSIONS = List.of("correct", "sub-sign-error", "compile-error");
    private static final List<String> SPECS = List.of("topological-order", "normalize");

    @TempDir
    Path dir;

    /** The first {@code ```bash} block after the paragraph that starts with {@code `name`}. */
    static String script(String doc, String name) {
        int intro = doc.indexOf("\n`" + name + "`");
        assertTrue(intro >= 0, DOC + " has no paragraph starting with `" + name + "`");
        int start = doc.indexOf("```bash\n", intro);
        int end = doc.indexOf("\n```", start + 1);
        assertTrue(start >= 0 && end > start, DOC + " has no bash block for " + name);
        return doc.substring(start + "```bash\n".length(), end + 1);
    }

    @Test
    void theDocumentedJobArrayAndMergeGiveTheSingleMachinesReports() throws Exception {
        String doc = Files.readString(DOC);
        String grade = script(doc, "grade.sh");
        String merge = script(doc, "merge.sh");
        assertTrue(doc.contains("sbatch --dependency=afterok:\"$grading\" merge.sh"), "the page says how to submit");

        Path project = Path.of("").toAbsolutePath();
        Path course = Files.createDirectories(dir.resolve("course"));
        Files.copy(project.resolve(ChildProcess.JAR), course.resolve("topograd.jar"));
        Path specs = Files.createDirectories(course.resolve("specs"));
        for (String id : SPECS) {
            Files.copy(project.resolve("specs").resolve(id + ".yaml"), specs.resolve(id + ".yaml"));
        }
        for (String id : SUBMISSIONS) {
            Folders.copyTree(project.resolve("submissions").resolve(id), course.resolve("submissions").resolve(id));
        }
        for (String[] file : new String[][] {{"grade.sh", grade}, {"merge.sh", merge}}) {
            Path script = Files.writeString(course.resolve(file[0]), file[1]);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        try (SlurmCluster cluster = SlurmCluster.start(Files.createDirectories(dir.resolve("slurm")))) {
            // The jobs find java where this JVM's is; sbatch passes its environment on to them.
            Map<String, String> env = Map.of("PATH", ChildProcess.java().getParent() + File.pathSeparator
                    + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            // A class of three needs no eight shards of four CPUs: the command line overrides the script's
            // #SBATCH lines, as it would on any cluster.
            SlurmCluster.Result grading = cluster.client(course, env, "sbatch", "--parsable", "--array=1-2",
                    "--cpus-per-task=1", "--mem=1G", "grade.sh");
            assertEquals(0, grading.status(), grading.err());
            String gradingJob = grading.out().strip().split(";")[0];
            SlurmCluster.Result merging = cluster.client(course, env, "sbatch", "--parsable", "--mem=1G",
                    "--dependency=afterok:" + gradingJob, "merge.sh");
            assertEquals(0, merging.status(), merging.err());
            cluster.awaitEmptyQueue(Duration.ofMinutes(10));
            Map<String, String> states = cluster.jobStates();
            assertEquals(3, states.size(), states.toString());
            assertTrue(states.values().stream().allMatch("COMPLETED"::equals), states + "\n" + jobOutput(course)
                    + cluster.logs());
        }

        // The same class on this machine, in this JVM.
        java.io.StringWriter out = new java.io.StringWriter();
        int single = Main.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(out), "grade", "--specs",
                specs.toString(), "--submissions", course.resolve("submissions").toString(), "--reports",
                course.resolve("single").toString());
        assertEquals(0, single, out.toString());
        Path merged = course.resolve("reports");
        List<String> files = files(course.resolve("single"));
        assertEquals(files, files(merged).stream().filter(f -> !f.equals("junit.xml")).toList());
        for (String file : files) {
            if (!file.startsWith("logs/")) { // the logs hold each machine's timings
                assertArrayEquals(Files.readAllBytes(course.resolve("single").resolve(file)),
                        Files.readAllBytes(merged.resolve(file)), file);
            }
        }
        assertTrue(files.contains("summary.csv") && files.contains("index.html")
                && files.contains("scorecards/correct.csv") && files.contains("scorecards/correct.html"), files.toString());
        assertTrue(Files.readString(merged.resolve("junit.xml")).contains("<testsuite name=\"sub-sign-error\""));
        assertEquals(2 + SUBMISSIONS.size(), Files.readAllLines(course.resolve("canvas.csv")).size(),
                "the gradebook import has every student");
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** What the jobs printed, for a failure's message. */
    private static String jobOutput(Path course) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(course)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("slurm-")).sorted().toList()) {
                out.append("--- ").append(f.getFileName()).append(" ---\n").append(Files.readString(f));
            }
        }
        return out.toString();
    }
}
