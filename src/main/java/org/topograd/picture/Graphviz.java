package org.topograd.picture;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code dot} command of Graphviz, when it is installed: DOT text in, SVG out. */
public final class Graphviz {
    /** Laying out even a few thousand nodes takes seconds; past this something is wrong. */
    static final long TIMEOUT_SECONDS = 120;

    private Graphviz() {}

    /** The {@code dot} executable on the PATH, if there is one. */
    public static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Renders a DOT file to SVG.
     *
     * @throws IOException if dot cannot run, fails (its messages are in the exception) or hangs
     */
    public static void svg(Path dot, Path input, Path output) throws IOException {
        Path errors = Files.createTempFile("topograd-dot", ".log");
        try {
            Process p = new ProcessBuilder(dot.toString(), "-Tsvg", "-o", output.toString(), input.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("dot did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String messages = Files.readString(errors, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IOException("dot failed (exit " + p.exitValue() + ")"
                        + (messages.isEmpty() ? "" : ": " + messages));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dot was running", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
