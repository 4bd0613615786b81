package org.topograd.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real headless browser for tests: loads a page and reports its DOM and console messages. */
final class Chromium {
    /** A page as the browser saw it: the DOM after scripts ran, and every console message logged. */
    record Page(String dom, List<String> console) {}

    private Chromium() {}

    /** The chromium command on the PATH, if there is one. */
    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads {@code file} without network or background services and dumps its DOM; console
     * messages (errors included: an uncaught exception is logged as one) come from its log.
     */
    static Page load(Path chromium, Path file, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        Path out = scratch.resolve("dom.html");
        Path err = scratch.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                file.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a browser that never exits, not a timing assertion.
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish loading " + file);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
        return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
