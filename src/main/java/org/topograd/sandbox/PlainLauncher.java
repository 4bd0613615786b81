package org.topograd.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A worker as a plain child JVM: the JVM's own limits and the parent's timeouts, but no
 * filesystem, network or process isolation. Used only where bubblewrap is unavailable, and said so.
 */
final class PlainLauncher implements Launcher {
    private final Optional<Cgroups> cgroups;

    public PlainLauncher(Optional<Cgroups> cgroups) {
        this.cgroups = cgroups;
    }

    @Override
    public Optional<Cgroups> cgroups() {
        return cgroups;
    }

    @Override
    public SandboxLevel level() {
        return SandboxLevel.PLAIN;
    }

    @Override
    public List<String> command(Path studentClasses, WorkerRuntime runtime, Limits limits, Path scratch) {
        List<String> command = new ArrayList<>();
        command.add(Launcher.java().toString());
        command.addAll(Launcher.jvmOptions(limits));
        command.add("-Djava.io.tmpdir=" + scratch);
        command.addAll(Launcher.workerArguments(runtime, runtime.archive(), studentClasses.toString(), limits));
        return command;
    }
}
