package org.topograd.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker process: {@code WorkerMain <classes dir or jar> <cpu millis per task> <output bytes>}.
 *
 * <p>Before any student class is loaded it takes file descriptors 0 and 1 for the channel to the
 * parent and points {@code System.out}/{@code System.err} at a capped buffer, so what students
 * print is captured and never mixed with results. Student code runs on its own thread with a large
 * stack (recursive solutions of deep graphs are legitimate); a watchdog stops a task whose student
 * thread uses more than its CPU time and reports where that thread was. The process ends with {@code Runtime.halt},
 * so threads the student left running cannot keep it alive.
 */
public final class WorkerMain {
    /**
     * The student thread's stack: deep enough for a recursive depth-first traversal of a chain of
     * 100,000 nodes, and no deeper, because a recursion that never ends fills all of it before it
     * fails. Filling 64 MB (and unwinding the StackOverflowError back out) took about 1.3 s of CPU
     * time on a quiet machine, close enough to a check's 2 s that with both cores busy (the whole
     * test suite), where the JIT compiles later and the code stays interpreted longer, it once ran
     * out of time first: the same code got "did not finish" instead of "threw StackOverflowError".
     * 16 MB takes about 0.3 s.
     * Reserved, and committed only as far as it is used.
     */
    static final long STUDENT_STACK = 16L << 20;

    private final OutputStream channel;
    private final Object channelLock = new Object();
    private volatile Thread student;
    /** How to read the student thread's CPU time; set by that thread itself when it starts. */
    private volatile ThreadCpu studentCpu;
    private volatile Runner runner;
    /** The tensor graphs' runner, made at the first tensor binding (a scalar worker never loads it). */
    private volatile TensorRunner tensors;
    /** Whether the last binding was a tensor one: tasks then go to {@link #tensors}. */
    private volatile boolean tensorBound;
    /** Counts tasks started; the watchdog takes its own CPU baseline when it sees a new one. */
    private volatile long taskNumber;
    private volatile boolean inTask;

    private WorkerMain(OutputStream channel) {
        this.channel = channel;
    }

    public static void main(String[] args) throws Exception {
        OutputStream channel = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream diagnostics = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        InputStream requests = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
        CapturedOutput captured = new CapturedOutput(Integer.parseInt(args[2]) / 2);
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        System.setIn(InputStream.nullInputStream());

        WorkerMain worker = new WorkerMain(channel);
        long cpuLimitNanos = Long.parseLong(args[1]) * 1_000_000L;
        Runnable serve = new Runnable() {
            @Override
            public void run() {
                try {
                    worker.serve(Path.of(args[0]), requests, captured);
                } catch (RuntimeException | Error e) {
                    // A fault of the worker itself (student failures are caught per call): tell the parent's log.
                    e.printStackTrace(diagnostics);
                    Runtime.getRuntime().halt(5);
                }
            }
        };
        Thread thread = new Thread(null, serve, "student", STUDENT_STACK);
        worker.student = thread;
        Runtime.getRuntime().addShutdownHook(new Thread("exit-reporter") {
            @Override
            public void run() {
                worker.reportExit();
            }
        });
        Thread watchdog = new Thread("watchdog") {
            @Override
            public void run() {
                worker.watch(cpuLimitNanos);
            }
        };
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        watchdog.start();
        thread.join();
        Runtime.getRuntime().halt(0);
    }

    private void serve(Path location, InputStream requests, CapturedOutput captured) {
        studentCpu = ThreadCpu.ofCurrentThread();
        try {
            StudentClasses classes = new StudentClasses(location);
            java.util.function.Consumer<double[]> valuesSink = new java.util.function.Consumer<double[]>() {
                @Override
                public void accept(double[] values) {
                    try {
                        send(Messages.VALUES, MessageCodec.encodeValues(values));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            runner = new Runner(classes, captured, valuesSink);
            send(Messages.READY, MessageCodec.encode(new Messages.Ready(ProcessHandle.current().pid(),
                    ThreadCpu.currentThreadId())));
            while (true) {
                Frames.Frame frame = Frames.read(requests);
                if (frame == null) {
                    return;
                }
                switch (frame.type()) {
                    case Messages.BIND -> {
                        Messages.Bind bind = MessageCodec.decodeBind(frame.payload());
                        tensorBound = bind.tensor();
                        if (tensorBound && tensors == null) {
                            tensors = new TensorRunner(classes, captured, valuesSink);
                        }
                        send(Messages.BOUND, MessageCodec.encode(tensorBound ? tensors.bind(bind) : runner.bind(bind)));
                    }
                    case Messages.GRAPH -> runner.addGraph(MessageCodec.decodeGraph(frame.payload()));
                    case Messages.TENSOR_GRAPH -> {
                        if (tensors == null) {
                            throw new IOException("a tensor graph before any tensor binding");
                        }
                        tensors.addGraph(MessageCodec.decodeTensorGraph(frame.payload()));
                    }
                    case Messages.TASK -> {
                        Messages.Task task = MessageCodec.decodeTask(frame.payload());
                        taskNumber++;
                        inTask = true;
                        Messages.Result result = tensorBound ? tensors.run(task) : runner.run(task);
                        inTask = false;
                        send(Messages.RESULT, MessageCodec.encode(result));
                    }
                    default -> throw new IOException("unexpected frame type " + frame.type());
                }
            }
        } catch (IOException e) {
            // The parent went away or sent garbage: nothing sensible is left to do.
            Runtime.getRuntime().halt(4);
        }
    }

    private void send(int type, byte[] payload) throws IOException {
        synchronized (channelLock) {
            Frames.write(channel, type, payload);
        }
    }

    /**
     * CPU time of the student's thread: what the JIT and the garbage collector spend in other
     * threads does not count against the student's code. (Threads the student starts are bounded by
     * the parent's wall-clock limit.)
     */
    private long cpuTime() {
        ThreadCpu cpu = studentCpu;
        return cpu == null ? 0 : cpu.nanos();
    }

    /**
     * Polls the student thread's CPU time while a task runs; past the limit, reports where the
     * thread is and ends the process. The baseline is taken when the watchdog first sees a task,
     * at most one poll late, which keeps the task path free of system calls.
     */
    private void watch(long limitNanos) {
        long seen = -1;
        long baseline = 0;
        while (true) {
            LockSupport.parkNanos(5_000_000L);
            if (!inTask) {
                continue;
            }
            long number = taskNumber;
            if (number != seen) {
                seen = number;
                baseline = cpuTime();
                continue;
            }
            long used = cpuTime() - baseline;
            if (used > limitNanos && inTask && taskNumber == seen) {
                List<String> stack = StudentStack.running(top(student));
                try {
                    send(Messages.TIMEOUT,
                            MessageCodec.encode(new Messages.Timeout(used / 1_000_000L, where(), stack)));
                } catch (IOException e) {
                    // The parent will see the process end without a result, which it reports too.
                }
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** Shutdown hooks run only for System.exit (the worker itself halts): report who called it. */
    private void reportExit() {
        List<String> stack = List.of();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false, STACK_DEPTH)) {
            StackTraceElement[] frames = thread.getStackTrace();
            for (int i = frames.length - 1; i >= 0; i--) {
                String c = frames[i].getClassName();
                if ((c.equals("java.lang.System") || c.equals("java.lang.Runtime"))
                        && frames[i].getMethodName().equals("exit")) {
                    // The caller's frames start right below the outermost exit() call.
                    stack = StudentStack.running(java.util.Arrays.copyOfRange(frames, i + 1, frames.length));
                    break;
                }
            }
        }
        try {
            send(Messages.EXIT, MessageCodec.encode(new Messages.Exit(where(), stack)));
        } catch (IOException e) {
            // Nothing to add: the parent sees the process end.
        }
    }

    /**
     * How many frames, from the top, are read of a stack. Thread.getStackTrace copies a stack whole:
     * code stopped a million calls deep in a recursion would make the watchdog itself run out of
     * memory and the worker end without saying why. The frames shown are the top eight anyway.
     */
    static final int STACK_DEPTH = 64;

    /** The top {@link #STACK_DEPTH} frames of a thread's stack (none if it has ended). */
    private static StackTraceElement[] top(Thread thread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), STACK_DEPTH);
        return info == null ? new StackTraceElement[0] : info.getStackTrace();
    }

    private String where() {
        if (tensorBound) {
            TensorRunner t = tensors;
            return t == null ? "" : t.where();
        }
        Runner r = runner;
        return r == null ? "" : r.where();
    }
}
