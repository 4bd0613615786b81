package org.topograd.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.topograd.Folders;
import org.topograd.grading.Assignment;
import org.topograd.kitmaker.KitMaker;
import org.topograd.kit.StudentKit;
import org.topograd.spec.Spec;

/**
 * How long a student waits for {@code check}: a student kit made from the specs, and its check of a
 * correct submission run as students run it ({@code java -jar topograd-student.jar check DIR}, a
 * whole process, JVM start included), against a bare {@code java -Xshare:auto -version} in the same
 * run, interleaved, so that a machine busier at one moment than another weighs on both alike. The
 * figure is the ratio of their medians: how many bare JVM starts a check costs. Also topograd's own
 * {@code check} (from its jar), the CPU time of each, and the first check, which pays for making its
 * class-data-sharing archive. The archives go to a cache of the benchmark's own, deleted after.
 */
public final class CheckLatencyBenchmark {
    private final PrintWriter out;

    public CheckLatencyBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Prints {@code check-latency seconds=S jvm_starts=R} and the details. */
    public void run(Path submission, List<Spec> specs, Assignment assignment, Path specsDir, int runs)
            throws IOException {
        Path jar = ownJar();
        if (jar == null) {
            out.println("check-latency: not measured: it runs topograd's jar, and this topograd runs from class"
                    + " folders (build it with mvn package and run ./topograd bench)");
            out.flush();
            return;
        }
        Path root = Files.createTempDirectory("topograd-latency-");
        try {
            Path kit = root.resolve("kit");
            try {
                KitMaker.make(specs, assignment, specsDir, false, kit);
            } catch (StudentKit.UnusableFolder e) {
                throw new IOException("cannot make a kit in " + kit + ": " + e.getMessage(), e); // a new folder of ours
            }
            Map<String, String> env = Map.of("TOPOGRAD_CACHE", root.resolve("cache").toString());
            String dir = submission.toAbsolutePath().toString();
            List<String> kitCheck = List.of(Processes.java(), "-jar", kit.resolve(StudentKit.JAR).toString(), "check",
                    dir);
            List<String> toolCheck = List.of(Processes.java(), "-jar", jar.toString(), "check", dir, "--specs",
                    specsDir.toAbsolutePath().toString());
            Processes.Run firstKit = Processes.run(kitCheck, root, env);
            Processes.Run firstTool = Processes.run(toolCheck, root, env);
            Processes.run(Processes.bareJvm(), root, env);
            List<Processes.Run> bare = new ArrayList<>();
            List<Processes.Run> kits = new ArrayList<>();
            List<Processes.Run> tools = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                bare.add(Processes.run(Processes.bareJvm(), root, env));
                kits.add(Processes.run(kitCheck, root, env));
                tools.add(Processes.run(toolCheck, root, env));
            }
            long bareWall = Processes.median(bare.stream().map(Processes.Run::wallNanos).toList());
            long kitWall = Processes.median(kits.stream().map(Processes.Run::wallNanos).toList());
            long toolWall = Processes.median(tools.stream().map(Processes.Run::wallNanos).toList());
            out.printf(Locale.ROOT, "check-latency seconds=%.2f jvm_starts=%.1f%n", kitWall / 1e9,
                    (double) kitWall / bareWall);
            out.printf(Locale.ROOT, "  student kit (java -jar topograd-student.jar check): median of %d runs %.2f s"
                    + " (%.2f to %.2f), CPU %s; the first run, which makes the class-data archive, %.2f s%n", runs,
                    kitWall / 1e9, min(kits) / 1e9, max(kits) / 1e9, cpu(kits), firstKit.wallNanos() / 1e9);
            out.printf(Locale.ROOT, "  topograd check (java -jar topograd.jar check): %.2f s = %.1f bare starts,"
                    + " CPU %s; first run %.2f s%n", toolWall / 1e9, (double) toolWall / bareWall, cpu(tools),
                    firstTool.wallNanos() / 1e9);
            out.printf(Locale.ROOT, "  bare java -Xshare:auto -version: median %.3f s, CPU %s; runs interleaved%n",
                    bareWall / 1e9, cpu(bare));
            for (Processes.Run r : List.of(firstKit, firstTool, kits.get(0), tools.get(0))) {
                if (r.status() != 0) {
                    out.println("  (a check exited with status " + r.status() + ": is " + submission
                            + " a correct submission for these specs?)");
                    break;
                }
            }
            out.flush();
        } finally {
            Folders.deleteTree(root);
        }
    }

    private static long min(List<Processes.Run> runs) {
        return runs.stream().mapToLong(Processes.Run::wallNanos).min().orElse(0);
    }

    private static long max(List<Processes.Run> runs) {
        return runs.stream().mapToLong(Processes.Run::wallNanos).max().orElse(0);
    }

    private static String cpu(List<Processes.Run> runs) {
        if (runs.stream().anyMatch(r -> r.cpuNanos() < 0)) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.2f s", Processes.median(runs.stream().map(Processes.Run::cpuNanos)
                .toList()) / 1e9);
    }

    /** topograd's own jar, when it runs from one. */
    static Path ownJar() {
        try {
            Path path = Path.of(CheckLatencyBenchmark.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
