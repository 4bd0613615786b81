package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topograd.kit.ChildProcess;

/**
 * {@code bench --check-latency} from the built jar: the line's format and its details (the figures
 * themselves are the machine's; a benchmark is never a timed test).
 */
class BenchIT {
    @Test
    void checkLatencyIsCountedInBareJvmStarts() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        ChildProcess.Result bench = ChildProcess.javaJar(ChildProcess.JAR, project, "bench", "--check-latency",
                "--runs", "1");
        assertEquals(0, bench.status(), bench.out() + bench.err());
        List<String> lines = bench.out().lines().toList();
        assertTrue(Pattern.matches("check-latency seconds=\\d+\\.\\d\\d jvm_starts=\\d+\\.\\d", lines.get(0)),
                bench.out());
        assertTrue(lines.get(1).startsWith("  student kit (java -jar topograd-student.jar check): median of 1 runs"),
                bench.out());
        assertTrue(lines.get(2).startsWith("  topograd check (java -jar topograd.jar check): "), bench.out());
        assertTrue(lines.get(3).startsWith("  bare java -Xshare:auto -version: median "), bench.out());
        assertTrue(bench.out().lines().noneMatch(l -> l.contains("exited with status")), "a correct submission passes: "
                + bench.out());
    }
}
