package org.topograd.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.topograd.worker.Frames;
import org.topograd.worker.MessageCodec;
import org.topograd.worker.Messages;

/**
 * The parent's side of one submission's worker. Every way a worker can fail becomes a
 * {@link TaskOutcome}; after one, the next task starts a fresh worker, rebinds the classes and
 * resends the graphs it needs, so one bad case costs only itself.
 *
 * <p>Longer than most classes here, for a reason: a task's whole life (start or restart, send,
 * the wait with its CPU and wall-clock limits, reading and checking the reply) is one state
 * machine over one process, and its fields (the process, its clock, the time spent) change together.
 */
public final class WorkerSession implements AutoCloseable {
    /** A JVM that has not said hello in this long is not going to. */
    static final long START_MILLIS = 20_000;
    /** How often a slow start is checked for progress. */
    private static final long START_SLICE_MILLIS = 1_000;

    private final Launcher launcher;
    private final WorkerRuntime runtime;
    private final Path classes;
    private final Limits limits;
    private final Path scratch;
    /** The wall-clock backstop (see {@link Limits#submissionBackstopMillis()}). */
    private final long deadline;
    /** What the submission's tasks have cost of its time so far (see {@link TaskTimer#chargedNanos()}). */
    private long spentNanos;
    private final OutputLog output;
    private final int maxReplyBytes;

    private WorkerProcess process;
    /** The current worker's CPU clock, or null where /proc cannot tell (then time limits fall back to wall time). */
    private WorkerClock clock;
    private Messages.Bind bind;
    private final Set<Integer> graphsSent = new HashSet<>();
    private double[] lastValues;
    private int starts;
    private long startNanos;
    private long runNanos;

    /**
     * @param classes the submission's compiled classes (a folder or a jar)
     * @param scratch an empty folder for the worker's working directory
     * @param maxReplyBytes the largest frame an honest worker can send for the graphs of this run: a
     *     larger one is a corrupted channel, and is never read into memory
     */
    public WorkerSession(Launcher launcher, WorkerRuntime runtime, Path classes, Limits limits, Path scratch,
            int maxReplyBytes) {
        this.maxReplyBytes = maxReplyBytes;
        this.launcher = launcher;
        this.runtime = runtime;
        this.classes = classes;
        this.limits = limits;
        this.scratch = scratch;
        this.deadline = System.nanoTime() + limits.submissionBackstopMillis() * 1_000_000L;
        // Twice the worker's own cap, so that one task's capped output, with its note of what was left
        // out, always survives whole.
        this.output = new OutputLog(2 * limits.outputBytes() + 1024);
    }

    /** Starts the first worker, unless one is running (a session opened early, while its submission compiled). */
    public void open() throws WorkerException {
        if (process == null) {
            start();
        }
    }

    /** Chooses the classes to run; remembered for every fresh worker. */
    public Messages.Bound bind(Messages.Bind bind) throws WorkerException {
        this.bind = bind;
        ensureStarted();
        return sendBind();
    }

    /** Runs one task, starting a fresh worker first if the last one ended. */
    public TaskOutcome run(Messages.WireGraph graph, Messages.Task task) {
        lastValues = null; // first: a task not run must not hand on the values of the one before
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            return new TaskOutcome.OutOfTime(limits.submissionBackstopMillis(), true);
        }
        long budget = limits.submissionMillis() * 1_000_000L - spentNanos;
        if (budget <= 0) {
            return new TaskOutcome.OutOfTime(limits.submissionMillis(), false);
        }
        TaskTimer timer = null;
        try {
            ensureStarted();
            long begin = System.nanoTime();
            timer = new TaskTimer(clock, limits, budget, left);
            if (graphsSent.add(graph.id())) {
                send(graph.frameType(), MessageCodec.encode(graph), timer);
            }
            send(Messages.TASK, MessageCodec.encode(task), timer);
            TaskOutcome outcome = await(graph, task, timer);
            runNanos += System.nanoTime() - begin;
            if (outcome instanceof TaskOutcome.Completed completed) {
                output.append(completed.result().output());
            } else {
                stop();
            }
            return outcome;
        } catch (WorkerException e) {
            stop();
            return new TaskOutcome.Died(e.getMessage(), e.details());
        } catch (IOException e) {
            return died("the worker stopped reading requests (" + e.getMessage() + ")");
        } finally {
            if (timer != null) {
                spentNanos += timer.chargedNanos();
            }
        }
    }

    private TaskOutcome await(Messages.WireGraph graph, Messages.Task task, TaskTimer timer)
            throws WorkerException {
        WorkerProcess.Event event;
        while (true) {
            event = next(timer.sliceMillis());
            if (event == null) {
                TaskOutcome expired = timer.expired();
                if (expired != null) {
                    return expired;
                }
            } else if (event instanceof WorkerProcess.Event.Received r && r.frame().type() == Messages.VALUES) {
                if (!(task instanceof Messages.Grads) || lastValues != null) {
                    return new TaskOutcome.Malformed("node values the task did not send");
                }
                try {
                    lastValues = MessageCodec.decodeValues(r.frame().payload());
                } catch (IOException e) {
                    return new TaskOutcome.Malformed("unreadable values: " + e.getMessage());
                }
                String problem = Replies.valuesProblem(graph, lastValues);
                if (problem != null) {
                    lastValues = null;
                    return new TaskOutcome.Malformed("the worker sent " + problem);
                }
            } else {
                break;
            }
        }
        if (event instanceof WorkerProcess.Event.Garbled garbled) {
            if (garbled.text().contains("OutOfMemoryError")) {
                // -XX:+ExitOnOutOfMemoryError reports on stdout, our channel: this is the JVM, not the student.
                TaskOutcome.Died died = died(null);
                return new TaskOutcome.Died(Crashes.explain(null, garbled.text() + died.details(), limits),
                        died.details());
            }
            return new TaskOutcome.Malformed(garbled.problem());
        }
        if (event instanceof WorkerProcess.Event.Ended) {
            return died(null);
        }
        Frames.Frame frame = ((WorkerProcess.Event.Received) event).frame();
        try {
            switch (frame.type()) {
                case Messages.RESULT: {
                    Messages.Result result = MessageCodec.decodeResult(frame.payload());
                    String problem = Replies.problem(graph, task, result);
                    return problem == null ? new TaskOutcome.Completed(result)
                            : new TaskOutcome.Malformed("the worker's answer does not fit the task: " + problem);
                }
                case Messages.TIMEOUT: {
                    Messages.Timeout timeout = MessageCodec.decodeTimeout(frame.payload());
                    String problem = Replies.whereProblem(timeout.where(), graph.size());
                    problem = problem != null ? problem : Replies.stackProblem(timeout.stack());
                    return problem == null ? new TaskOutcome.CpuTimeout(timeout.cpuMillis(), timeout.where(),
                            timeout.stack()) : new TaskOutcome.Malformed("a timeout report with " + problem);
                }
                case Messages.EXIT: {
                    Messages.Exit exit = MessageCodec.decodeExit(frame.payload());
                    String problem = Replies.whereProblem(exit.where(), graph.size());
                    problem = problem != null ? problem : Replies.stackProblem(exit.stack());
                    return problem == null ? new TaskOutcome.Exited(exit.where(), exit.stack())
                            : new TaskOutcome.Malformed("an exit report with " + problem);
                }
                default:
                    return new TaskOutcome.Malformed("unexpected frame type " + frame.type());
            }
        } catch (IOException e) {
            return new TaskOutcome.Malformed("unreadable frame: " + e.getMessage());
        }
    }

    /** The worker ended without answering; why, as far as its exit status and stderr tell. */
    private TaskOutcome.Died died(String known) {
        String details = "";
        Integer status = null;
        try {
            if (process != null) {
                status = process.exitStatus();
                details = process.stderr();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        String reason = known != null ? known : Crashes.explain(status, details, limits);
        return new TaskOutcome.Died(reason, details);
    }

    private void ensureStarted() throws WorkerException {
        if (process == null) {
            start();
            if (bind != null) {
                sendBind();
            }
        }
    }

    private void start() throws WorkerException {
        if (Reaper.stopping()) {
            throw new WorkerException("topograd is stopping", "");
        }
        long begin = System.nanoTime();
        try {
            Cgroups.Group group = launcher.cgroups().isPresent() ? launcher.cgroups().get().create(limits) : null;
            process = WorkerProcess.start(launcher.command(classes, runtime, limits, scratch), scratch, group,
                    maxReplyBytes);
        } catch (IOException e) {
            throw new WorkerException("cannot start a worker JVM: " + e.getMessage(), "");
        }
        starts++;
        graphsSent.clear();
        try {
            clock = WorkerClock.find(process.handle(),
                    MessageCodec.decodeReady(expect(Messages.READY, START_MILLIS).payload()));
        } catch (IOException e) {
            stop();
            throw new WorkerException("the worker's first message was unreadable: " + e.getMessage(), "");
        }
        startNanos += System.nanoTime() - begin;
    }

    private Messages.Bound sendBind() throws WorkerException {
        try {
            send(Messages.BIND, MessageCodec.encode(bind), new TaskTimer(clock, limits, Long.MAX_VALUE, START_MILLIS));
            Messages.Bound bound = MessageCodec.decodeBound(expect(Messages.BOUND, START_MILLIS).payload());
            if (bound.opProblems().size() != bind.opClasses().size()) {
                stop();
                throw new IOException("it answered for " + bound.opProblems().size() + " classes where "
                        + bind.opClasses().size() + " were bound");
            }
            return bound;
        } catch (IOException e) {
            throw new WorkerException("the worker did not accept the classes: " + e.getMessage(), "");
        }
    }

    /**
     * The next frame, which must be of {@code type}. No student code runs before these frames (the
     * worker starts, and loads classes without initialising them), so only a JVM that starves or
     * hangs is late: after {@code millis}, the wait goes on while the worker still gains CPU time
     * (a busy machine starts JVMs slowly), up to three times as long.
     */
    private Frames.Frame expect(int type, long millis) throws WorkerException {
        long begin = System.nanoTime();
        long cpu = process.treeCpuNanos();
        WorkerProcess.Event event;
        while (true) {
            event = next(START_SLICE_MILLIS);
            long waited = (System.nanoTime() - begin) / 1_000_000L;
            if (event != null || waited >= 3 * millis) {
                break;
            }
            if (waited >= millis) {
                long now = process.treeCpuNanos();
                if (now <= cpu) {
                    break;
                }
                cpu = now;
            }
        }
        if (event instanceof WorkerProcess.Event.Received received && received.frame().type() == type) {
            return received.frame();
        }
        TaskOutcome.Died died = event == null ? new TaskOutcome.Died("the worker did not answer in "
                + (System.nanoTime() - begin) / 1_000_000_000L + " s", "")
                : event instanceof WorkerProcess.Event.Received received
                ? new TaskOutcome.Died("the worker answered with frame type " + received.frame().type()
                        + " where " + type + " was expected", "")
                : died(null);
        stop();
        throw new WorkerException(died.reason(), died.details());
    }

    /**
     * Sends a request, waiting no longer than the timer allows a task: a worker that stops reading
     * (its student thread blocked while another thread forged an answer) is stopped, and the parent
     * goes on.
     */
    private void send(int type, byte[] payload, TaskTimer timer) throws IOException, WorkerException {
        Future<?> write = process.send(type, payload);
        while (true) {
            try {
                write.get(TaskTimer.SLICE_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (timer.expired() != null) {
                    stop();
                    throw new IOException("it stopped reading requests");
                }
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new WorkerException("interrupted", "");
            }
        }
    }

    private WorkerProcess.Event next(long millis) throws WorkerException {
        try {
            return process.next(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new WorkerException("interrupted", "");
        }
    }

    private void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /**
     * The node values the last task sent before it went on to backward, if it was a gradient task
     * that got that far: still known when backward then hung or crashed the worker.
     */
    public double[] lastValues() {
        return lastValues == null ? null : lastValues.clone();
    }

    /** What the student's code printed, over all workers, head and tail kept. */
    public String output() {
        return output.text();
    }

    /** How many worker JVMs were started (1 when nothing went wrong). */
    public int starts() {
        return starts;
    }

    /** Time spent starting workers, up to their first message. */
    public long startNanos() {
        return startNanos;
    }

    /** Time spent running tasks. */
    public long runNanos() {
        return runNanos;
    }

    /** Kills the worker and everything it started; the work is done, nothing is waited for. */
    @Override
    public void close() {
        stop();
    }
}
