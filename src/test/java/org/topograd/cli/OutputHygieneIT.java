package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.Folders;
import org.topograd.kit.ChildProcess;

/**
 * What the built jar prints and where it writes, run as a user runs it: into a pipe (no escape
 * code at all), on a terminal (a status line that is always cleared), the files {@code grade}
 * lists, its columns, and {@code explain}'s pictures under {@code reports/explain/}.
 */
class OutputHygieneIT {
    private static final String LONG_ID = "a-student-with-a-rather-long-submission-id";

    @TempDir
    Path course;

    @BeforeEach
    void plant() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Files.createDirectories(course.resolve("specs"));
        Files.copy(project.resolve("specs/square.yaml"), course.resolve("specs/square.yaml"));
        Folders.copyTree(project.resolve("submissions/correct"), course.resolve("submissions/ada"));
        Folders.copyTree(project.resolve("submissions/compile-error"), course.resolve("submissions").resolve(LONG_ID));
    }

    private ChildProcess.Result topograd(String... args) throws Exception {
        return ChildProcess.javaJar(Path.of("").toAbsolutePath().resolve(ChildProcess.JAR), course, args);
    }

    @Test
    void gradeIntoAPipeListsWhatItWroteAlignedAndWithoutEscapeCodes() throws Exception {
        ChildProcess.Result grade = topograd("grade");
        assertEquals(0, grade.status(), grade.err());
        assertFalse((grade.out() + grade.err()).contains("\u001b"), "no escape code off a terminal: " + grade.out());
        List<String> lines = grade.out().lines().toList();
        String ada = lines.stream().filter(l -> l.startsWith("ada ")).findFirst().orElseThrow();
        String other = lines.stream().filter(l -> l.startsWith(LONG_ID + " ")).findFirst().orElseThrow();
        assertEquals(ada.indexOf(" / "), other.indexOf(" / "), "columns as wide as the longest id:\n" + grade.out());
        // What it lists is what it wrote: <student> stands for each student.
        Matcher listed = Pattern.compile("^[a-z]+: +(\\S+)", Pattern.MULTILINE).matcher(grade.out());
        java.util.Set<Path> named = new java.util.TreeSet<>();
        while (listed.find()) {
            for (String student : List.of("ada", LONG_ID)) {
                named.add(course.resolve(listed.group(1).replace("<student>", student)));
            }
        }
        assertTrue(grade.out().contains("report:     reports/index.html"), grade.out());
        try (Stream<Path> written = Files.walk(course.resolve("reports"))) {
            assertEquals(written.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(
                    java.util.TreeSet::new)), named, grade.out());
        }
    }

    @Test
    void onATerminalTheStatusLineIsAlwaysCleared() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "script (util-linux) is not installed: no terminal to run on");
        String command = ChildProcess.java() + " -jar " + Path.of("").toAbsolutePath().resolve(ChildProcess.JAR)
                + " grade -j 1";
        // script(1) runs the command on a terminal of its own and copies what it shows to its output.
        ChildProcess.Result run = ChildProcess.run(List.of(script.toString(), "-qec", command, "/dev/null"), course,
                Map.of("TERM", "xterm"));
        assertEquals(0, run.status(), run.out() + run.err());
        String shown = run.out();
        assertTrue(shown.contains("[1/2]"), "a status line while grading: " + shown);
        assertTrue(Pattern.compile("\\[1/2\\][^\r\n]*\r\u001b\\[K").matcher(shown).find(),
                "the status line is cleared before the next line: " + shown);
        assertFalse(shown.replaceAll("\u001b\\[K", "").contains("\u001b"), "no other escape code: " + shown);
        assertFalse(shown.contains("[2/2]"), "no status line after the last submission: " + shown);
    }

    @Test
    void explainDrawsUnderReportsExplain() throws Exception {
        ChildProcess.Result explain = topograd("explain", "specs/square.yaml");
        assertEquals(0, explain.status(), explain.err());
        assertTrue(Files.isRegularFile(course.resolve("reports/explain/square-main.dot")), explain.out());
        try (Stream<Path> here = Files.list(course)) {
            assertEquals(List.of("reports", "specs", "submissions"),
                    here.map(p -> p.getFileName().toString()).sorted().toList(), "nothing in the working folder");
        }
    }
}
