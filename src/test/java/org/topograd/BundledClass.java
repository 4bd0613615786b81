package org.topograd;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.topograd.cli.Main;

/**
 * The bundled class ({@code specs/} and {@code submissions/}) graded once by {@code grade}, as the
 * README's first command does, for every test class in this JVM that only reads the reports: the
 * grading costs seconds of CPU time, and gives the same bytes every time (tests assert that
 * elsewhere). The folder is this JVM's own, and removed when it ends.
 */
public final class BundledClass {
    /** What {@code grade} said and left: its exit status, its output (standard out, then error) and its reports. */
    public record Graded(int status, String output, Path reports) {}

    private static Graded graded;

    private BundledClass() {}

    public static synchronized Graded graded() {
        if (graded == null) {
            try {
                Path dir = Files.createTempDirectory("topograd-bundled-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Folders.deleteTree(dir);
                    } catch (IOException e) {
                        // A temporary folder left behind is the system's to clean.
                    }
                }));
                Path reports = dir.resolve("reports");
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int status = Main.execute(new PrintWriter(out), new PrintWriter(err), "grade", "--reports",
                        reports.toString());
                graded = new Graded(status, out + err.toString(), reports);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graded;
    }
}
