package org.topograd.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command that starts a worker JVM: inside bubblewrap, or plain where bubblewrap is missing.
 */
public sealed interface Launcher permits BubblewrapLauncher, PlainLauncher {
    SandboxLevel level();

    /** Where workers get a cgroup each (process and memory limits, a kill that reaches everything). */
    Optional<Cgroups> cgroups();

    /** For people: "bwrap with cgroup v1 limits". */
    default String describe() {
        return level().reportName() + cgroups().map(c -> " with " + c.describe() + " limits").orElse("");
    }

    /**
     * The command line for a worker over {@code studentClasses} (a folder or a jar), with
     * {@code scratch} an empty folder it may use as its working directory.
     */
    List<String> command(Path studentClasses, WorkerRuntime runtime, Limits limits, Path scratch);

    /**
     * bubblewrap when it is installed and works here, otherwise a plain child JVM. The system
     * property {@code topograd.sandbox} or the environment variable {@code TOPOGRAD_SANDBOX} set to
     * {@code plain} forces the plain one (to compare, or where bubblewrap misbehaves).
     */
    static Launcher detect() {
        Optional<Cgroups> cgroups = Cgroups.detect();
        String wanted = System.getProperty("topograd.sandbox",
                System.getenv().getOrDefault("TOPOGRAD_SANDBOX", "auto"));
        if (wanted.equals("plain")) {
            return new PlainLauncher(cgroups);
        }
        return BubblewrapLauncher.find(cgroups).<Launcher>map(b -> b).orElseGet(() -> new PlainLauncher(cgroups));
    }

    /** The java launcher of the JDK topograd runs on. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * JVM options every worker gets. G1 is chosen explicitly because a memory-limited JVM would
     * otherwise fall back to SerialGC, which cannot map the JDK's archived heap and starts slower;
     * C1 alone warms up fastest for short runs.
     */
    static List<String> jvmOptions(Limits limits) {
        List<String> options = new ArrayList<>(List.of(
                "-Xms16m",
                "-Xmx" + limits.heapMegabytes() + "m",
                "-Xss1m",
                "-XX:MaxMetaspaceSize=" + limits.metaspaceMegabytes() + "m",
                "-XX:MaxDirectMemorySize=" + limits.directMegabytes() + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseG1GC",
                "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                // Everything the JVM itself says goes to stderr: stdout is the result channel.
                "-XX:+DisplayVMOutputToStderr",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8"));
        return options;
    }

    /**
     * The worker's class path (the same path inside a sandbox as outside: class data sharing checks
     * it), its archive when it is ready, the main class and its arguments.
     */
    static List<String> workerArguments(WorkerRuntime runtime, Optional<Path> archive, String studentClasses,
            Limits limits) {
        List<String> arguments = new ArrayList<>();
        archive.ifPresent(a -> arguments.add("-XX:SharedArchiveFile=" + a));
        arguments.addAll(List.of("-cp", runtime.workerJar().toString(), "org.topograd.worker.WorkerMain",
                studentClasses, Long.toString(limits.taskCpuMillis()), Integer.toString(limits.outputBytes())));
        return arguments;
    }
}
