package org.topograd.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run in a child process, as a user would run it, for the tests that need the built jar. */
public final class ChildProcess {
    /** The runnable jar {@code mvn package} builds; the integration tests run after it. */
    public static final Path JAR = Path.of("target", "topograd.jar");

    public record Result(int status, String out, String err) {}

    /** The cache every child process of the tests keeps: under the build folder, never the user's. */
    public static final Path CACHE = Path.of("target", "test-cache").toAbsolutePath();

    private ChildProcess() {}

    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@code java -jar JAR args...}; for topograd's own jar with the JVM options the {@code topograd}
     * launcher gives it (the C1 compiler alone but for the engine's benchmark), as the README has
     * instructors run it.
     */
    public static Result javaJar(Path jar, Path workDir, String... args) throws IOException, InterruptedException {
        return run(javaJarCommand(jar, args), workDir, Map.of());
    }

    /** The command {@link #javaJar} runs. */
    public static List<String> javaJarCommand(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(java().toString()));
        boolean engineBenchmark = args.length > 0 && args[0].equals("bench") && !List.of(args).contains("--grading");
        if (jar.toAbsolutePath().equals(JAR.toAbsolutePath()) && !engineBenchmark) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    public static Result run(List<String> command, Path workDir, Map<String, String> env)
            throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: integration tests run after mvn package");
        Path out = Files.createTempFile("topograd-it", ".out");
        Path err = Files.createTempFile("topograd-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // check starts a JVM that keeps a class-data-sharing archive in the user's cache: here, the test's own.
            builder.environment().put("TOPOGRAD_CACHE", CACHE.toString());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 5 minutes: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
