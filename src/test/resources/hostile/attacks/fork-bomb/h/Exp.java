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
 * machine without any limit is not taken down by the test. It says how far it got and the CPU time
 * its thread spent, which the test reads.
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
            String outcome;
            try {
                while (started.size() < 3_000) {
                    started.add(new ProcessBuilder("sleep", "600." + Planted.TOKEN + "9").start());
                }
                outcome = "started " + started.size() + " processes: nothing stopped the bomb";
            } catch (IOException | Error e) {
                outcome = "stopped after " + started.size() + " processes: " + e.getClass().getSimpleName();
            }
            long ms = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            System.out.println(outcome + "; the thread's CPU time: " + ms + " ms");
        }
    }

    public void forward() { value = Math.exp(inputs().get(0).value); }

    public void backward() { inputs().get(0).grad += grad * value; }
}
