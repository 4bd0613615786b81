package org.topograd.shard;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A one-node Slurm cluster on this machine, for a test: its own munge key and munged, slurmctld
 * and slurmd on ports picked free, everything (configuration, state, spool, logs) in a folder the
 * test owns. Started as root, as CI runs; where it cannot start, the test is skipped with the reason.
 * {@link #close()} cancels what is still queued and ends the three daemons this started, by their
 * process handles, waiting for each.
 */
final class SlurmCluster implements AutoCloseable {
    /** The commands a cluster needs (Debian: munge, slurmctld, slurmd, slurm-client). */
    static final List<String> COMMANDS = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol",
            "scancel", "sinfo");

    private static final Duration START = Duration.ofSeconds(60);

    private final Path dir;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();

    /** What a client command printed, and its exit status. */
    record Result(int status, String out, String err) {}

    private SlurmCluster(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    /** Starts a cluster in {@code dir}, or skips the test, saying why. */
    static SlurmCluster start(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a test Slurm cluster runs as root (as CI does); this is " + System.getProperty("user.name"));
        for (String command : COMMANDS) {
            Assumptions.assumeTrue(find(command) != null, command + " is not installed (apt-get install munge"
                    + " slurmctld slurmd slurm-client)");
        }
        SlurmCluster cluster = new SlurmCluster(dir);
        try {
            cluster.boot();
        } catch (IOException | RuntimeException e) {
            String logs = cluster.logs();
            cluster.close();
            Assumptions.abort("Slurm could not start here: " + e.getMessage() + "\n" + logs);
        }
        return cluster;
    }

    private void boot() throws IOException, InterruptedException {
        Path munge = Files.createDirectories(dir.resolve("munge"));
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = munge.resolve("munge.key");
        byte[] secret = new byte[1024];
        new SecureRandom().nextBytes(secret);
        Files.write(key, secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        Path socket = munge.resolve("socket");
        daemon("munged", List.of(find("munged"), "--foreground", "--force", "--socket=" + socket,
                "--key-file=" + key, "--pid-file=" + munge.resolve("munged.pid"), "--seed-file=" + munge.resolve("seed"),
                "--log-file=" + dir.resolve("munged.log")));
        awaitFile(socket);

        // This machine as slurmd sees it (name, CPUs, memory), reached on the loopback address.
        Result node = run(List.of(find("slurmd"), "-C"));
        String nodeLine = node.out().lines().filter(l -> l.startsWith("NodeName=")).findFirst()
                .orElseThrow(() -> new IOException("slurmd -C printed no NodeName: " + node.out() + node.err()));
        String host = nodeLine.substring("NodeName=".length()).split(" ")[0];
        int[] ports = freePorts(2);
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        Files.writeString(conf, String.join("\n",
                "ClusterName=topograd-test",
                "SlurmctldHost=" + host + "(127.0.0.1)",
                "SlurmctldPort=" + ports[0],
                "SlurmdPort=" + ports[1],
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                // No cgroups, no accounting, no mail: nothing outside this folder is touched.
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "MpiDefault=none",
                "SwitchType=switch/none",
                "MailProg=/bin/true",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "ReturnToService=2",
                // A dependency that can never be met (a task failed) cancels the job that waits on it.
                "DependencyParameters=kill_invalid_depend",
                nodeLine.strip() + " NodeAddr=127.0.0.1 State=UNKNOWN",
                "PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
                ""), StandardCharsets.UTF_8);
        daemon("slurmctld", List.of(find("slurmctld"), "-D", "-f", conf.toString()));
        daemon("slurmd", List.of(find("slurmd"), "-D", "-f", conf.toString()));
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new IOException(p.info().command().orElse("a daemon") + " exited with " + p.exitValue());
                }
            }
            Result state = client("sinfo", "-h", "-o", "%t");
            if (state.status() == 0 && state.out().strip().equals("idle")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the node was not idle within " + START + ": " + state.out() + state.err());
            }
            Thread.sleep(200); // polling the controller for the node's state, with a deadline
        }
    }

    private void daemon(String name, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectErrorStream(true).start();
        daemons.add(p);
    }

    /** A Slurm client command ({@code sbatch}, {@code squeue}, ...) against this cluster, from {@code dir}. */
    Result client(Path workDir, Map<String, String> env, String command, String... args)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(find(command)));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SLURM_CONF", conf.toString());
        return run(builder);
    }

    Result client(String command, String... args) throws IOException, InterruptedException {
        return client(dir, Map.of(), command, args);
    }

    /** Waits until nothing is queued or running, or the deadline passes (then says what is left). */
    void awaitEmptyQueue(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Result queue = client("squeue", "-h", "-o", "%i %T %r");
            if (queue.status() == 0 && queue.out().isBlank()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still queued after " + limit + ":\n" + queue.out() + queue.err());
            }
            Thread.sleep(250); // polling the controller's queue, with a deadline
        }
    }

    /** Every job the controller remembers (finished ones too): its id (with the array task) and state. */
    Map<String, String> jobStates() throws IOException, InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : client("scontrol", "show", "job", "-o").out().lines().toList()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : line.split(" ")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    fields.putIfAbsent(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            if (fields.containsKey("JobId")) {
                String id = fields.containsKey("ArrayJobId") ? fields.get("ArrayJobId") + "_"
                        + fields.get("ArrayTaskId") : fields.get("JobId");
                states.put(id + " " + fields.getOrDefault("JobName", ""), fields.get("JobState"));
            }
        }
        return states;
    }

    /** The daemons' own logs, for a failure's message. */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("munged.out", "slurmctld.out", "slurmd.out")) {
            Path log = dir.resolve(name);
            try {
                if (Files.isRegularFile(log)) {
                    List<String> lines = Files.readAllLines(log);
                    out.append("--- ").append(name).append(" (last lines) ---\n");
                    lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> out.append(l).append('\n'));
                }
            } catch (IOException e) {
                out.append("--- ").append(name).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            if (daemons.size() == 3 && daemons.stream().allMatch(Process::isAlive)) {
                client("scancel", "--user=root"); // only this cluster's jobs: the client asks this controller
                awaitEmptyQueue(Duration.ofSeconds(30));
            }
        } catch (IOException | InterruptedException | AssertionError e) {
            // the daemons are stopped below either way
        }
        for (int i = daemons.size() - 1; i >= 0; i--) { // slurmd, slurmctld, then munged
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static String find(String command) {
        for (String folder : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private void awaitFile(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!Files.exists(file)) {
            if (!daemons.get(daemons.size() - 1).isAlive() || System.nanoTime() > deadline) {
                throw new IOException("munged did not make its socket " + file);
            }
            Thread.sleep(50); // polling for the socket munged creates, with a deadline
        }
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command).directory(dir.toFile()));
    }

    private Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "client", ".out");
        Path err = Files.createTempFile(dir, "client", ".err");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("still running after a minute: " + builder.command());
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
