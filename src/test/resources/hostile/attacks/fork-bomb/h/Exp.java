package h;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * Attack: start processes until the system says no (each sleeps, carrying this run's token); the
 * results are right. The processes limit (a cgroup, or the worker's resource limits) must stop it,
 * and every process must be gone when the worker is. It gives up by itself at 3,000, so that a
 * machine without any limit is not taken down by the test. It says whether the system stopped it,
 * which the test reads, and when nothing did, the CPU time its thread spent.
 */
@Op("exp")
public final class Exp extends Node {
    private static boolean bombed;

    public Exp(Node x) {
        super(x);
        if (!bombed) {
            bombed = true;
            List<Process> started = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            try {
                while (started.size() < 3_000) {
                    started.add(new ProcessBuilder("sleep", "600." + Planted.TOKEN + "9").start());
                }
                long ms = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
                System.out.println("started " + started.size() + " processes: nothing stopped the bomb; the"
                        + " thread's CPU time: " + ms + " ms");
            } catch (IOException | Error e) {
                // How many, and which error, depend on the threads the JVM had at the time: left
                // out, so that what the scorecard shows of this output is the same in every run.
                System.out.println("the system stopped the bomb before 3,000 processes");
            }
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
